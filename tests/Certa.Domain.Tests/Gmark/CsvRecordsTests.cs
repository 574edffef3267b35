using Certa.Infrastructure.Gmark;

namespace Certa.Domain.Tests.Gmark;

public class CsvRecordsTests
{
    [Fact]
    public void QuotedFields_HoldCommasQuotesAndLineBreaks_AndLinesAreCounted()
    {
        var records = CsvRecords.Read("a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\n\n\"two\nlines\",z\nlast,\n", 1000);

        records.Select(r => r.Line).ShouldBe([1, 2, 4, 6]);
        records[1].Fields.ShouldBe(["x, y", "say \"hi\""]);
        records[2].Fields.ShouldBe(["two\nlines", "z"]);
        records[3].Fields.ShouldBe(["last", ""]);
    }

    [Fact]
    public void AQuoteNeverClosed_IsRefused_WithItsLine() =>
        Should.Throw<CsvFormatException>(() => CsvRecords.Read("a\n\"open,b\n", 1000)).Line.ShouldBe(2);

    [Fact]
    public void ALineLongerThanTheLimit_IsRefused_WithItsLine() =>
        Should.Throw<CsvFormatException>(() => CsvRecords.Read("a\nb\n" + new string('x', 50), 20)).Message.ShouldContain("Line 3");
}
