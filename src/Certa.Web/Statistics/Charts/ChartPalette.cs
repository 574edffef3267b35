namespace Certa.Web.Statistics.Charts;

/// <summary>
/// Series colours from the Okabe–Ito palette, told apart by people with colour-blindness, ordered so that neighbours
/// differ in lightness as well and stay apart on a grey-scale print. Each colour carries the text colour readable on it.
/// </summary>
public static class ChartPalette
{
    private static readonly (string Fill, string Text)[] Colours =
    [
        ("#0072B2", "#FFFFFF"),
        ("#E69F00", "#000000"),
        ("#009E73", "#FFFFFF"),
        ("#56B4E9", "#000000"),
        ("#D55E00", "#FFFFFF"),
        ("#F0E442", "#000000"),
        ("#CC79A7", "#000000"),
        ("#000000", "#FFFFFF"),
    ];

    public static string Fill(int series) => Colours[series % Colours.Length].Fill;

    public static string Text(int series) => Colours[series % Colours.Length].Text;

    public const string Ink = "#1F2328";

    public const string Grid = "#D0D7DE";
}
