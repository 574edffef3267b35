using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Certa.Domain.Applications;
using Certa.Domain.Certificates;
using Certa.Domain.Common;
using Certa.Infrastructure.Certificates.Documents;

namespace Certa.Integration.Tests.Certificates;

/// <summary>
/// The certificate PDFs, checked from outside with the tools a reader or a customs officer would use:
/// poppler's <c>pdftotext</c>, <c>pdffonts</c> and <c>pdftoppm</c>, and <c>zbarimg</c> for the QR code.
/// </summary>
public sealed partial class CertificatePdfTests : IDisposable
{
    private const string Url = "https://certa.example/verify/2026010907000123";

    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("certa-pdf-");

    public void Dispose() => folder.Delete(recursive: true);

    [Fact]
    public void English_Text_HasTheCertifiedFactsInEnglish()
    {
        var text = Tool.Run("pdftotext", "-layout", Save(CertificatePdf.Render(Laptop(), "en"), "en"), "-");

        text.ShouldContain("2026010907000123");
        text.ShouldContain("Shenzhen Moumou Technology Co., Ltd.");
        text.ShouldContain("Certificate holder");
        text.ShouldContain("GB/T 9254.1-2021");
        text.ShouldContain("MB-1400S, MB-1400P");
        text.ShouldContain("China Compulsory Certification");
        text.ShouldContain("8 January 2031");
        text.ShouldContain("supersedes 2025010907000077");
        text.ShouldContain("3F2A:9C01:77B4:E0D2:1A5C:9B3E:44F0:C2D8");
        text.ShouldContain(Url);
        text.ShouldNotContain("深圳");
    }

    [Fact]
    public void Chinese_Text_HasTheCertifiedFactsAndLabelsInChinese()
    {
        var text = Tool.Run("pdftotext", "-layout", Save(CertificatePdf.Render(Laptop(), "zh"), "zh"), "-");

        text.ShouldContain("2026010907000123");
        text.ShouldContain("深圳市某某科技有限公司");
        text.ShouldContain("广东省东莞市松山湖工业大道88号");
        foreach (var label in new[] { "证书编号", "持证人/委托人", "生产者(制造商)", "生产企业", "产品名称", "型号规格", "商标", "依据标准", "认证机构", "发证日期", "有效期至" })
        {
            text.ShouldContain(label);
        }

        text.ShouldContain("中国强制性产品认证");
        text.ShouldContain("笔记本电脑");
        text.ShouldContain("2031年1月8日");
        // A standard's title known only in English is printed in English rather than left out.
        text.ShouldContain("Electromagnetic compatibility");
    }

    [Theory]
    [InlineData("en")]
    [InlineData("zh")]
    public void QrCode_ScannedFromThePrintedPage_IsTheVerificationUrl(string language)
    {
        var pdf = Save(CertificatePdf.Render(Laptop(), language), language);
        var prefix = Path.Combine(folder.FullName, $"page-{language}");
        Tool.Run("pdftoppm", "-r", "150", "-png", "-singlefile", pdf, prefix);

        Tool.Run("zbarimg", "--raw", "-q", prefix + ".png").Trim().ShouldBe(Url);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("zh")]
    public void Fonts_AreEmbeddedTrueTypeSubsets_AndNeverType3(string language)
    {
        var fonts = Tool.Run("pdffonts", Save(CertificatePdf.Render(Laptop(), language), language))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2).ToList();

        fonts.ShouldNotBeEmpty();
        fonts.ShouldAllBe(f => FontRow().IsMatch(f), string.Join('\n', fonts));
    }

    [Theory]
    [InlineData("en")]
    [InlineData("zh")]
    public void SameFacts_GiveTheSameBytes_InASmallFile(string language)
    {
        var first = CertificatePdf.Render(Laptop(), language);
        var others = new byte[4][];
        Parallel.For(0, others.Length, i => others[i] = CertificatePdf.Render(Laptop(), language));

        foreach (var other in others)
        {
            other.AsSpan().SequenceEqual(first).ShouldBeTrue("two renders of the same facts differ");
        }

        first.Length.ShouldBeLessThan(300 * 1024);
    }

    [Fact]
    public void DifferentFacts_GiveDifferentBytes()
    {
        var other = Laptop() with { Number = "2026010907000124" };

        CertificatePdf.Render(other, "zh").AsSpan().SequenceEqual(CertificatePdf.Render(Laptop(), "zh")).ShouldBeFalse();
    }

    [Theory]
    [InlineData("en")]
    [InlineData("zh")]
    public void LongModelListAndManyStandards_AreWrappedOntoThePage(string language)
    {
        var series = Enumerable.Range(1, 60).Select(i => new SeriesModel($"MB-14{i:D2}X", "colour")).ToList();
        var standards = Enumerable.Range(1, 14)
            .Select(i => new CertifiedStandard($"GB/T {30000 + i}-2021", new LocalizedText($"Information technology equipment — requirement number {i} for long titles", $"信息技术设备 第{i}部分：很长的标准名称要求"), "pass"))
            .ToList();
        var facts = Laptop() with { Product = Laptop().Product with { SeriesModels = series }, Standards = standards };
        var pdf = Save(CertificatePdf.Render(facts, language), language);

        var words = Words(pdf);
        words.ShouldAllBe(w => w.XMin >= 24 && w.XMax <= 595.28 - 24 && w.YMin >= 24 && w.YMax <= 841.89 - 24, "a word lies outside the frame");
        var text = Tool.Run("pdftotext", pdf, "-");
        series.ShouldAllBe(s => text.Contains(s.Model, StringComparison.Ordinal));
        standards.ShouldAllBe(s => text.Contains(s.Number, StringComparison.Ordinal));
        Tool.Run("pdfinfo", pdf).ShouldContain("Pages:           1");
    }

    [Fact]
    public void FactsTooLongForOnePage_AreShortenedWithANote_KeepingTheDates()
    {
        var series = Enumerable.Range(1, 900).Select(i => new SeriesModel($"MODEL-{i:D4}", "colour")).ToList();
        var facts = Laptop() with { Product = Laptop().Product with { SeriesModels = series } };
        var pdf = Save(CertificatePdf.Render(facts, "en"), "huge");

        Words(pdf).ShouldAllBe(w => w.XMin >= 24 && w.XMax <= 595.28 - 24 && w.YMin >= 24 && w.YMax <= 841.89 - 24, "a word lies outside the frame");
        var text = Tool.Run("pdftotext", pdf, "-");
        text.ShouldContain("see the online certificate");
        text.ShouldContain("MODEL-0001");
        text.ShouldContain("8 January 2031");
        text.ShouldContain("This is to certify");
        text.ShouldContain("Key fingerprint");
        text.ShouldContain(Url);
    }

    [Fact]
    public void UnknownLanguage_IsRefused() =>
        Should.Throw<ArgumentOutOfRangeException>(() => CertificatePdf.Render(Laptop(), "fr")).Message.ShouldContain("fr");

    private string Save(byte[] pdf, string name)
    {
        var path = Path.Combine(folder.FullName, name + ".pdf");
        File.WriteAllBytes(path, pdf);
        return path;
    }

    private static List<(double XMin, double YMin, double XMax, double YMax, string Text)> Words(string pdf) =>
        [.. WordBox().Matches(Tool.Run("pdftotext", "-bbox", pdf, "-")).Select(m => (
            double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture),
            double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture),
            double.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture),
            double.Parse(m.Groups[4].Value, CultureInfo.InvariantCulture),
            m.Groups[5].Value))];

    /// <summary>The laptop of the seed's walkthrough: a Shenzhen holder, a Dongguan factory, three GB standards, CCC.</summary>
    private static CertificateFacts Laptop()
    {
        var holder = new LocalizedText("Shenzhen Moumou Technology Co., Ltd.", "深圳市某某科技有限公司");
        var holderAddress = new LocalizedText("5/F, Building A, 1 Keji Road, Nanshan District, Shenzhen, Guangdong, China", "广东省深圳市南山区科技路1号A栋5楼");
        return new CertificateFacts(
            "2026010907000123",
            2,
            "ccc",
            new LocalizedText("China Compulsory Certification", "中国强制性产品认证"),
            new LocalizedText("CCC"),
            "cqc",
            new LocalizedText("China Quality Certification Centre", "中国质量认证中心"),
            "org-holder",
            holder,
            holderAddress,
            new Party(holder, holderAddress),
            new Party(new LocalizedText("Dongguan Moumou Electronics Co., Ltd.", "东莞市某某电子有限公司"),
                new LocalizedText("88 Industrial Avenue, Songshan Lake, Dongguan, Guangdong, China", "广东省东莞市松山湖工业大道88号")),
            "ccc-0901",
            new LocalizedText("Portable computer", "便携式计算机"),
            new ProductDetails(new LocalizedText("Laptop computer", "笔记本电脑"), "MB-1400",
                [new SeriesModel("MB-1400S", "colour"), new SeriesModel("MB-1400P", "memory")], "Moumou"),
            [
                new CertifiedStandard("GB 4943.1-2022", new LocalizedText("Audio/video, information and communication technology equipment — Part 1: Safety requirements", "音视频、信息技术和通信技术设备 第1部分：安全要求"), "pass"),
                new CertifiedStandard("GB/T 9254.1-2021", new LocalizedText("Information technology equipment, multimedia equipment and receivers — Electromagnetic compatibility — Part 1: Emission requirements", "信息技术设备、多媒体设备和接收机 电磁兼容 第1部分：发射要求"), "pass"),
                new CertifiedStandard("GB 17625.1-2022", new LocalizedText("Electromagnetic compatibility — Limits — Part 1: Limits for harmonic current emissions"), "pass"),
            ],
            new DateOnly(2026, 1, 9),
            new DateOnly(2031, 1, 8),
            "2025010907000077",
            Url,
            new CertificateSignature("did:web:certa.example:bodies:cqc", "did:web:certa.example:bodies:cqc#key-2026-01",
                "3F2A:9C01:77B4:E0D2:1A5C:9B3E:44F0:C2D8", new DateTimeOffset(2026, 1, 9, 8, 30, 0, TimeSpan.Zero)));
    }

    // name, "CID TrueType", encoding, emb yes, sub yes; a Type 3 row would not match.
    [GeneratedRegex(@"^[A-Z]{6}\+\S+\s+CID TrueType\s+\S+\s+yes\s+yes\s+yes\s")]
    private static partial Regex FontRow();

    [GeneratedRegex("""<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>""")]
    private static partial Regex WordBox();

    /// <summary>Runs a command-line tool and returns what it printed; fails with the package to install if it is missing.</summary>
    private static class Tool
    {
        private static readonly Dictionary<string, string> Packages = new()
        {
            ["pdftotext"] = "poppler-utils",
            ["pdffonts"] = "poppler-utils",
            ["pdftoppm"] = "poppler-utils",
            ["pdfinfo"] = "poppler-utils",
            ["zbarimg"] = "zbar-tools",
        };

        public static string Run(string tool, params string[] args)
        {
            var found = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
                .Select(d => Path.Combine(d, tool)).FirstOrDefault(File.Exists);
            found.ShouldNotBeNull($"{tool} is not installed: apt-get install {Packages[tool]}");

            var start = new ProcessStartInfo(found) { RedirectStandardOutput = true, RedirectStandardError = true, StandardOutputEncoding = System.Text.Encoding.UTF8 };
            foreach (var arg in args)
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            process.WaitForExit(60_000).ShouldBeTrue($"{tool} did not finish in a minute");
            process.ExitCode.ShouldBe(0, $"{tool} {string.Join(' ', args)} failed: {error.Result}");
            return output.Result;
        }
    }
}
