using System.Security.Cryptography;
using Certa.Infrastructure.Persistence;

namespace Certa.Infrastructure.Signing;

/// <summary>
/// The key that encrypts the private signing keys at rest. It never goes into the database: it comes
/// from configuration or from a file beside the data, so a copy of the database alone signs nothing.
/// </summary>
public sealed class MasterKey
{
    private const int Size = 32;
    private readonly Lazy<byte[]> key;

    public MasterKey(SigningOptions options, DatabaseOptions database)
    {
        key = new Lazy<byte[]>(() => Load(options.MasterKey, Path.Combine(Path.GetFullPath(database.DataDirectory), "keys", "master.key")));
    }

    public ReadOnlySpan<byte> Bytes => key.Value;

    private static byte[] Load(string? configured, string file)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Decode(configured, "Certa:Signing:MasterKey");
        }

        if (File.Exists(file))
        {
            return Decode(File.ReadAllText(file), file);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var bytes = RandomNumberGenerator.GetBytes(Size);
        // Create the file with owner-only permissions from the start: never world-readable, not even for a moment.
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using var stream = new FileStream(file, options);
            using var writer = new StreamWriter(stream);
            writer.Write(Convert.ToBase64String(bytes));
            return bytes;
        }
        catch (IOException) when (File.Exists(file))
        {
            // Another process made it first: use theirs.
            return Decode(File.ReadAllText(file), file);
        }
    }

    private static byte[] Decode(string text, string where)
    {
        try
        {
            var bytes = Convert.FromBase64String(text.Trim());
            return bytes.Length == Size ? bytes : throw new FormatException();
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"The signing master key in {where} must be the base64 of {Size} bytes.");
        }
    }
}
