using Certa.Domain.Audit;

namespace Certa.Domain.Tests.Audit;

public sealed class AuditChainTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 27, 8, 0, 0, TimeSpan.Zero);

    private static List<AuditEvent> Chain(int length)
    {
        var events = new List<AuditEvent>();
        for (var i = 0; i < length; i++)
        {
            events.Add(AuditEvent.Next(events.LastOrDefault(), Entry(i), T0.AddMinutes(i)));
        }

        return events;
    }

    private static AuditEntry Entry(int i) =>
        new("cli:test", i % 2 == 0 ? "cqc" : null, "registry.imported", "reference-data", "registry", new { n = i }, $"c{i}", new { note = $"import {i}" });

    [Fact]
    public void Next_LinksToThePreviousEventAndNumbersWithoutGaps()
    {
        var chain = Chain(3);

        chain[0].PreviousHash.ShouldBe(AuditEvent.Genesis);
        chain[1].PreviousHash.ShouldBe(chain[0].Hash);
        chain[2].PreviousHash.ShouldBe(chain[1].Hash);
        chain.Select(e => e.Sequence).ShouldBe([1L, 2L, 3L]);
        chain.Select(e => e.Hash).Distinct().Count().ShouldBe(3);
    }

    [Fact]
    public void Verify_AnUntouchedChain_IsIntact()
    {
        var result = AuditChainVerifier.Verify(Chain(5));

        result.Intact.ShouldBeTrue();
        result.Events.ShouldBe(5);
    }

    [Fact]
    public void Verify_WhenAnEventIsRemoved_NamesTheEventAfterTheGap()
    {
        var chain = Chain(5);
        chain.RemoveAt(2);

        var result = AuditChainVerifier.Verify(chain);

        result.BrokenAt.ShouldBe(4);
        result.Events.ShouldBe(2);
        result.Problem!.ShouldContain("missing");
    }

    [Fact]
    public void Verify_WhenTheChainIsRebuiltFromAForgedEvent_NamesTheForgery()
    {
        var chain = Chain(4);
        var forged = AuditEvent.Next(chain[1], Entry(99), T0);
        chain[2] = forged;

        var result = AuditChainVerifier.Verify(chain);

        result.BrokenAt.ShouldBe(4);
        result.Problem!.ShouldContain("previous-hash");
    }

    [Fact]
    public void Digest_DoesNotDependOnPropertyOrder()
    {
        AuditEvent.Digest(new { a = 1, b = "x" }).ShouldBe(AuditEvent.Digest(new { b = "x", a = 1 }));
        AuditEvent.Digest(new { a = 1 }).ShouldNotBe(AuditEvent.Digest(new { a = 2 }));
    }

    [Fact]
    public void OccurredAt_IsKeptToTheMicrosecondInUtc()
    {
        var at = new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.FromHours(8)).AddTicks(1234567);

        var e = AuditEvent.Next(null, Entry(0), at);

        e.OccurredAt.Offset.ShouldBe(TimeSpan.Zero);
        (e.OccurredAt.UtcTicks % 10).ShouldBe(0);
        e.OccurredAt.UtcTicks.ShouldBe(at.UtcTicks - 7);
    }
}
