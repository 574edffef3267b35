using System.Diagnostics;
using Certa.Domain.Applications;
using Certa.Domain.Certificates;
using Certa.Domain.Common;
using Certa.Infrastructure.Certificates.Documents;

namespace Certa.Bench;

/// <summary>
/// Certificate PDFs under load: N certificates, each rendered in English and Chinese, with holders whose
/// Chinese names and addresses differ from one certificate to the next (so every Chinese page needs its
/// own font subset), on one thread and then on every core.
/// </summary>
internal static class PdfLoad
{
    // Syllables of made-up company names and places: enough variety that no two holders share a character set.
    private const string Names = "华为联想海尔美的格力长虹创维康佳方正同方浪潮曙光紫光神舟清华北大东方明珠星辰金山银河天宇中兴飞鸿远景";
    private const string Places = "北京上海广州深圳杭州南京苏州成都重庆武汉西安天津青岛厦门宁波合肥";

    public static void Run(int certificates)
    {
        var facts = Enumerable.Range(0, certificates).Select(Facts).ToList();
        Console.WriteLine($"Warming up (font file, subsetter, JIT)…");
        var warm = Stopwatch.StartNew();
        foreach (var f in facts.Take(50))
        {
            CertificatePdf.Render(f, "en");
            CertificatePdf.Render(f, "zh");
        }

        Console.WriteLine($"  {warm.Elapsed.TotalMilliseconds:F0} ms for the first 50 certificates (includes reading the 16 MB font once)");

        long bytesEn = 0, bytesZh = 0;
        Measure("one thread", certificates, () =>
        {
            foreach (var f in facts)
            {
                bytesEn += CertificatePdf.Render(f, "en").Length;
                bytesZh += CertificatePdf.Render(f, "zh").Length;
            }
        });
        Console.WriteLine($"  average size: en {bytesEn / certificates / 1024.0:F1} KB, zh {bytesZh / certificates / 1024.0:F1} KB");

        foreach (var language in new[] { "en", "zh" })
        {
            Measure($"one thread, {language} only", certificates, () =>
            {
                foreach (var f in facts)
                {
                    CertificatePdf.Render(f, language);
                }
            }, pdfsPerCertificate: 1);
        }

        Measure($"Parallel.For on {Environment.ProcessorCount} cores", certificates, () =>
            Parallel.For(0, certificates, i =>
            {
                CertificatePdf.Render(facts[i], "en");
                CertificatePdf.Render(facts[i], "zh");
            }));
    }

    private static void Measure(string name, int certificates, Action render, int pdfsPerCertificate = 2)
    {
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        render();
        wall.Stop();
        process.Refresh();
        var cpuMs = (process.TotalProcessorTime - cpu).TotalMilliseconds;
        var pdfs = certificates * pdfsPerCertificate;
        Console.WriteLine($"{name}: {pdfs} PDFs in {wall.Elapsed.TotalSeconds:F2} s = {pdfs / wall.Elapsed.TotalSeconds:F0} PDFs/s, " +
            $"{certificates / wall.Elapsed.TotalSeconds:F0} certificates/s; {wall.Elapsed.TotalMilliseconds / pdfs:F2} ms wall and {cpuMs / pdfs:F2} ms CPU per PDF");
    }

    private static CertificateFacts Facts(int i)
    {
        string Pick(string from, int seed, int length) =>
            string.Concat(Enumerable.Range(0, length).Select(k => from.Substring((seed * 7 + k * 13 + k * k) % (from.Length / 2) * 2, 2)));

        var city = Pick(Places, i, 1);
        var holderZh = $"{city}市{Pick(Names, i, 2)}科技有限公司";
        var holder = new LocalizedText($"{city} Holder {i} Technology Co., Ltd.", holderZh);
        var address = new LocalizedText($"{i % 200 + 1} Keji Road, {city}, China", $"{city}市{Pick(Names, i + 3, 1)}区科技路{i % 200 + 1}号");
        var factory = new Party(new LocalizedText($"Factory {i} Electronics Co., Ltd.", $"{Pick(Places, i + 5, 1)}市{Pick(Names, i + 11, 2)}电子有限公司"),
            new LocalizedText($"{i % 90 + 1} Industrial Avenue, China", $"{Pick(Places, i + 5, 1)}市工业大道{i % 90 + 1}号"));
        var number = $"2026010907{i:D6}";
        return new CertificateFacts(
            number, 1, "ccc", new LocalizedText("China Compulsory Certification", "中国强制性产品认证"), new LocalizedText("CCC"),
            "cqc", new LocalizedText("China Quality Certification Centre", "中国质量认证中心"),
            $"holder-{i}", holder, address, new Party(holder, address), factory,
            "ccc-0901", new LocalizedText("Portable computer", "便携式计算机"),
            new ProductDetails(new LocalizedText("Laptop computer", "笔记本电脑"), $"NB-{i}", [new SeriesModel($"NB-{i}S", "colour")], "Brand"),
            [
                new CertifiedStandard("GB 4943.1-2022", new LocalizedText("Audio/video, information and communication technology equipment — Part 1: Safety requirements", "音视频、信息技术和通信技术设备 第1部分：安全要求"), "pass"),
                new CertifiedStandard("GB/T 9254.1-2021", new LocalizedText("Information technology equipment, multimedia equipment and receivers — Electromagnetic compatibility — Part 1: Emission requirements", "信息技术设备、多媒体设备和接收机 电磁兼容 第1部分：发射要求"), "pass"),
                new CertifiedStandard("GB 17625.1-2022", new LocalizedText("Electromagnetic compatibility — Limits — Part 1: Limits for harmonic current emissions", "电磁兼容 限值 第1部分：谐波电流发射限值"), "pass"),
            ],
            new DateOnly(2026, 1, 9), new DateOnly(2031, 1, 8), null, $"https://certa.example/verify/{number}",
            new CertificateSignature("did:web:certa.example:bodies:cqc", "did:web:certa.example:bodies:cqc#key-2026-01",
                "3F2A:9C01:77B4:E0D2:1A5C:9B3E:44F0:C2D8", new DateTimeOffset(2026, 1, 9, 8, 30, 0, TimeSpan.Zero).AddSeconds(i)));
    }
}
