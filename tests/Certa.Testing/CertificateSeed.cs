using Certa.Domain.Access;
using Certa.Domain.Applications;
using Certa.Domain.Certificates;
using Certa.Domain.Common;
using Certa.Infrastructure.Certificates;
using Certa.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Certa.Testing;

/// <summary>
/// Issues a signed CCC laptop certificate of the demo body (cqc) to the demo applicant straight through
/// the domain and the signer, for tests about what happens after issue: quicker than the whole application path,
/// which has tests of its own.
/// </summary>
public static class CertificateSeed
{
    public static async Task<Certificate> IssueAsync(IServiceProvider services, string holderId = "demo-laptop-maker", int years = 5, string model = "X14")
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CertaDbContext>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        var number = await scope.ServiceProvider.GetRequiredService<CertificateNumbers>().NextAsync("ccc", "cqc", "0902", now.Year, default);
        var content = new CertificateContent("ccc", "cqc", holderId, new LocalizedText("Demo Laptop Maker Ltd.", "演示笔记本电脑制造有限公司"),
            new LocalizedText("1 Science Park Road, Shenzhen", "深圳市科技园路1号"),
            new Party(new LocalizedText("Demo Laptop Maker Ltd.", "演示笔记本电脑制造有限公司"), new LocalizedText("1 Science Park Road, Shenzhen", "深圳市科技园路1号")),
            new Party(new LocalizedText("Demo Laptop Factory No. 2", "演示笔记本电脑二厂"), new LocalizedText("8 Industrial Avenue, Dongguan", "东莞市工业大道8号")),
            "ccc.0902", ProductDetails.Of(new LocalizedText("Laptop computer", "笔记本电脑"), model, [new SeriesModel($"{model} Pro", "Larger battery")], "Example"),
            ["GB 4943.1-2022", "GB/T 9254.1-2021", "GB 17625.1-2022"]);
        var index = await scope.ServiceProvider.GetRequiredService<StatusListIndexes>().NextAsync("cqc", default);
        var certificate = Certificate.IssueRegistered(Guid.CreateVersion7(now), number, content, years, now, index, "test seed");
        db.Certificates.Add(certificate);
        await scope.ServiceProvider.GetRequiredService<CertificateSigner>().SignAsync(certificate, now, default);
        await db.CommitAsync(CommandContext.CommandLine(), now, default);
        return certificate;
    }
}
