using System.Collections.Concurrent;
using QRCoder;
using SkiaSharp;

namespace Certa.Infrastructure.Certificates.Documents;

/// <summary>Draws a QR code as vector squares, so it stays sharp at any zoom and prints at any resolution.</summary>
internal static class QrDrawing
{
    // QRCoder's module matrix carries the four-module quiet zone ISO/IEC 18004 asks for on every side.
    private const int QuietZone = 4;

    private const int RecentCapacity = 1024;

    // Encoding takes longer than drawing, and a certificate's English and Chinese pages carry the same
    // address one after the other: the codes of recent addresses are kept (the bytes do not depend on it).
    private static readonly ConcurrentDictionary<string, QrCode> Recent = new(StringComparer.Ordinal);

    /// <summary>
    /// Draws the QR code of <paramref name="content"/> (error correction M) filling the square at
    /// <paramref name="left"/>, <paramref name="top"/>, quiet zone included; nothing else may be drawn there.
    /// </summary>
    public static void Draw(SKCanvas canvas, string content, float left, float top, float size, SKPaint dark)
    {
        var code = Recent.TryGetValue(content, out var known) ? known : Encode(content);
        var module = size / code.Modules;
        foreach (var (row, start, length) in code.Runs)
        {
            canvas.DrawRect(left + start * module, top + row * module, length * module, module, dark);
        }
    }

    private static QrCode Encode(string content)
    {
        using var data = QRCodeGenerator.GenerateQrCode(content, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var runs = new List<(int, int, int)>();
        for (var row = QuietZone; row < matrix.Count - QuietZone; row++)
        {
            var cells = matrix[row];
            var column = QuietZone;
            while (column < cells.Length - QuietZone)
            {
                if (!cells[column])
                {
                    column++;
                    continue;
                }

                // One rectangle per horizontal run of dark modules: a third of the drawing calls of one per module.
                var start = column;
                while (column < cells.Length - QuietZone && cells[column])
                {
                    column++;
                }

                runs.Add((row, start, column - start));
            }
        }

        var code = new QrCode(matrix.Count, [.. runs]);
        if (Recent.Count >= RecentCapacity)
        {
            Recent.Clear();
        }

        Recent[content] = code;
        return code;
    }

    /// <summary>A code's side in modules (quiet zone included) and its dark runs as (row, first column, length).</summary>
    private sealed record QrCode(int Modules, (int Row, int Start, int Length)[] Runs);
}
