using Certa.Domain.Certificates;
using Certa.Domain.Verification;

namespace Certa.Infrastructure.Verification;

/// <summary>A verdict with what the verify page shows beside it: the certificate as it stands, and the credential of the version in force on the day.</summary>
public sealed record VerificationReport(Verdict Verdict, Certificate? Certificate, IssuedCredential? Credential);
