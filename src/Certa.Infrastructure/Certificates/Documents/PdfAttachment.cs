namespace Certa.Infrastructure.Certificates.Documents;

/// <summary>A file embedded in a PDF: its name, its MIME type when the PDF gives one, and its decoded bytes.</summary>
public sealed record PdfAttachment(string FileName, string? MimeType, byte[] Content);
