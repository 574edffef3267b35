using QRCoder;
using SkiaSharp;

namespace Certa.Infrastructure.Certificates.Documents;

/// <summary>Draws a QR code as vector squares, so it stays sharp at any zoom and prints at any resolution.</summary>
internal static class QrDrawing
{
    // QRCoder's module matrix carries the four-module quiet zone ISO/IEC 18004 asks for on every side.
    private const int QuietZone = 4;

    /// <summary>
    /// Draws the QR code of <paramref name="content"/> (error correction M) filling the square at
    /// <paramref name="left"/>, <paramref name="top"/>, quiet zone included; nothing else may be drawn there.
    /// </summary>
    public static void Draw(SKCanvas canvas, string content, float left, float top, float size, SKPaint dark)
    {
        using var code = QRCodeGenerator.GenerateQrCode(content, QRCodeGenerator.ECCLevel.M);
        var matrix = code.ModuleMatrix;
        var module = size / matrix.Count;
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

                canvas.DrawRect(left + start * module, top + row * module, (column - start) * module, module, dark);
            }
        }
    }
}
