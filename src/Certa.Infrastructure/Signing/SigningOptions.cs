namespace Certa.Infrastructure.Signing;

/// <summary>
/// Configuration section <c>Certa:Signing</c>. <see cref="MasterKey"/> (base64 of 32 bytes; env
/// <c>Certa__Signing__MasterKey</c>) encrypts the bodies' private signing keys; without it Certa makes one
/// in <c>{DataDirectory}/keys/master.key</c> (mode 600) on first use. Several instances must share it.
/// <see cref="PublicUrl"/> is where the world reaches Certa: the bodies' did:web identifiers, the
/// verification links in QR codes and the status list addresses are made from it.
/// </summary>
public sealed class SigningOptions
{
    public const string Section = "Certa:Signing";

    public string? MasterKey { get; set; }

    public string PublicUrl { get; set; } = "http://127.0.0.1:5080";
}
