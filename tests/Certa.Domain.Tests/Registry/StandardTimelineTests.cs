using Certa.Domain.Registry;
using static Certa.Domain.Tests.Builders.Registry;

namespace Certa.Domain.Tests.Registry;

public class StandardTimelineTests
{
    private static readonly StandardEdition Gb28380Of2012 = Edition("GB 28380-2012", inForce: "2012-09-01", published: "2012-05-11");
    private static readonly StandardEdition Gb28380Of2025 =
        Edition("GB 28380-2025", inForce: "2026-02-01", published: "2025-01-24", replaces: ["GB 28380-2012"]);

    private static readonly StandardEdition Gb26572Recommended = Edition("GB/T 26572-2011", inForce: "2011-08-01");
    private static readonly StandardEdition Gb26572Mandatory =
        Edition("GB 26572-2025", inForce: "2027-08-01", replaces: ["GB/T 26572-2011"]);

    private static StandardTimeline Microcomputers() => new([Gb28380Of2025, Gb28380Of2012]);

    private static StandardTimeline HazardousSubstances() => new([Gb26572Recommended, Gb26572Mandatory]);

    [Fact]
    public void StatusOn_DayBeforeNewEditionComesIntoForce_OldIsInForceAndNewIsUpcoming()
    {
        var timeline = Microcomputers();

        timeline.StatusOn(Gb28380Of2012, Day("2026-01-31")).ShouldBe(EditionStatus.InForce);
        timeline.StatusOn(Gb28380Of2025, Day("2026-01-31")).ShouldBe(EditionStatus.Upcoming);
    }

    [Fact]
    public void StatusOn_DayNewEditionComesIntoForce_OldIsSupersededAndNewIsInForce()
    {
        var timeline = Microcomputers();

        timeline.StatusOn(Gb28380Of2012, Day("2026-02-01")).ShouldBe(EditionStatus.Superseded);
        timeline.StatusOn(Gb28380Of2025, Day("2026-02-01")).ShouldBe(EditionStatus.InForce);
    }

    [Fact]
    public void StatusOn_BeforeAnEditionIsInForce_IsUpcoming() =>
        Microcomputers().StatusOn(Gb28380Of2012, Day("2012-08-31")).ShouldBe(EditionStatus.Upcoming);

    [Theory]
    [InlineData("2012-09-01", "GB 28380-2012")]
    [InlineData("2026-01-31", "GB 28380-2012")]
    [InlineData("2026-02-01", "GB 28380-2025")]
    [InlineData("2030-01-01", "GB 28380-2025")]
    public void InForceOn_ReturnsTheEditionInForceThatDay(string day, string expected) =>
        Microcomputers().InForceOn("GB 28380", Day(day)).ShouldNotBeNull().Number.ShouldBe(expected);

    [Fact]
    public void InForceOn_BeforeTheFirstEdition_ReturnsNothing() =>
        Microcomputers().InForceOn("GB 28380", Day("2010-01-01")).ShouldBeNull();

    [Fact]
    public void InForceOn_IgnoresCaseOfTheFamily() =>
        Microcomputers().InForceOn("gb 28380", Day("2026-02-01")).ShouldNotBeNull().Number.ShouldBe("GB 28380-2025");

    [Fact]
    public void StatusOn_WhenNewerEditionOfTheFamilyIsInForce_IsSupersededWithoutAReplacesLink()
    {
        var older = Edition("GB 4943.1-2011", inForce: "2012-12-01");
        var newer = Edition("GB 4943.1-2022", inForce: "2023-08-01");
        var timeline = new StandardTimeline([older, newer]);

        timeline.StatusOn(older, Day("2023-07-31")).ShouldBe(EditionStatus.InForce);
        timeline.StatusOn(older, Day("2023-08-01")).ShouldBe(EditionStatus.Superseded);
    }

    [Fact]
    public void AppliesOn_AfterFamilyWasReplacedByAnother_ReturnsTheReplacingEdition() =>
        HazardousSubstances().AppliesOn("GB/T 26572", Day("2027-08-01")).ShouldNotBeNull().Number.ShouldBe("GB 26572-2025");

    [Fact]
    public void AppliesOn_BeforeFamilyWasReplaced_ReturnsItsOwnEdition() =>
        HazardousSubstances().AppliesOn("GB/T 26572", Day("2027-07-31")).ShouldNotBeNull().Number.ShouldBe("GB/T 26572-2011");

    [Fact]
    public void InForceOn_AfterFamilyWasReplacedByAnother_ReturnsNothingForTheOldFamily() =>
        HazardousSubstances().InForceOn("GB/T 26572", Day("2027-08-01")).ShouldBeNull();

    [Fact]
    public void AppliesOn_WhenOneEditionReplacesTwoFamilies_ReturnsItForBoth()
    {
        var timeline = new StandardTimeline([
            Edition("GB 4943.1-2011", inForce: "2012-12-01"),
            Edition("GB 8898-2011", inForce: "2012-11-01"),
            Edition("GB 4943.1-2022", inForce: "2023-08-01", replaces: ["GB 4943.1-2011", "GB 8898-2011"]),
        ]);

        timeline.AppliesOn("GB 8898", Day("2023-08-01")).ShouldNotBeNull().Number.ShouldBe("GB 4943.1-2022");
        timeline.AppliesOn("GB 4943.1", Day("2023-08-01")).ShouldNotBeNull().Number.ShouldBe("GB 4943.1-2022");
        timeline.AppliesOn("GB 8898", Day("2023-07-31")).ShouldNotBeNull().Number.ShouldBe("GB 8898-2011");
    }

    [Fact]
    public void AppliesOn_WhenReplacingFamilyHasANewerEdition_ReturnsThatNewerEdition()
    {
        // GB 26572-2031 supersedes GB 26572-2025 by family alone (no replaces link), as StatusOn agrees.
        var newest = Edition("GB 26572-2031", inForce: "2032-01-01");
        var timeline = new StandardTimeline([Gb26572Recommended, Gb26572Mandatory, newest]);

        timeline.StatusOn(Gb26572Mandatory, Day("2032-01-01")).ShouldBe(EditionStatus.Superseded);
        timeline.AppliesOn("GB/T 26572", Day("2032-01-01")).ShouldNotBeNull().Number.ShouldBe("GB 26572-2031");
    }

    [Fact]
    public void AppliesOn_WhenFamilyIsUnknown_ReturnsNothing() =>
        Microcomputers().AppliesOn("GB 99999", Day("2026-02-01")).ShouldBeNull();

    [Fact]
    public void StatusOn_FromItsWithdrawalDay_IsWithdrawn()
    {
        var withdrawn = Edition("GB 19865-2005", inForce: "2006-01-01", withdrawn: "2024-05-01");
        var timeline = new StandardTimeline([withdrawn]);

        timeline.StatusOn(withdrawn, Day("2024-04-30")).ShouldBe(EditionStatus.InForce);
        timeline.StatusOn(withdrawn, Day("2024-05-01")).ShouldBe(EditionStatus.Withdrawn);
    }

    [Fact]
    public void AppliesOn_AfterWithdrawalWithoutSuccessor_ReturnsNothing()
    {
        var timeline = new StandardTimeline([Edition("GB 19865-2005", inForce: "2006-01-01", withdrawn: "2024-05-01")]);

        timeline.AppliesOn("GB 19865", Day("2024-04-30")).ShouldNotBeNull().Number.ShouldBe("GB 19865-2005");
        timeline.AppliesOn("GB 19865", Day("2024-05-01")).ShouldBeNull();
    }

    [Fact]
    public void StatusOn_WhenWithdrawnAfterBeingReplaced_IsWithdrawnFromThatDay()
    {
        var old = Edition("GB 28380-2012", inForce: "2012-09-01", withdrawn: "2026-06-01");
        var timeline = new StandardTimeline([old, Gb28380Of2025]);

        timeline.StatusOn(old, Day("2026-05-31")).ShouldBe(EditionStatus.Superseded);
        timeline.StatusOn(old, Day("2026-06-01")).ShouldBe(EditionStatus.Withdrawn);
    }

    [Fact]
    public void NextAfter_BeforeReplacementComesIntoForce_ReturnsTheReplacement() =>
        Microcomputers().NextAfter(Gb28380Of2012, Day("2025-06-01")).ShouldNotBeNull().Number.ShouldBe("GB 28380-2025");

    [Fact]
    public void NextAfter_OnceReplacementIsInForce_ReturnsNothing() =>
        Microcomputers().NextAfter(Gb28380Of2012, Day("2026-02-01")).ShouldBeNull();

    [Fact]
    public void NextAfter_WhenSeveralSuccessorsAreUpcoming_ReturnsTheEarliest()
    {
        var first = Edition("SJ/T 11364-2014", inForce: "2015-01-01");
        var second = Edition("SJ/T 11364-2024", inForce: "2025-01-01", replaces: ["SJ/T 11364-2014"]);
        var third = Edition("SJ/T 11364-2030", inForce: "2031-01-01", replaces: ["SJ/T 11364-2024"]);
        var timeline = new StandardTimeline([third, first, second]);

        timeline.NextAfter(first, Day("2020-01-01")).ShouldNotBeNull().Number.ShouldBe("SJ/T 11364-2024");
        timeline.NextAfter(first, Day("2025-01-01")).ShouldNotBeNull().Number.ShouldBe("SJ/T 11364-2030");
    }

    [Fact]
    public void NextAfter_ForTheNewestEdition_ReturnsNothing() =>
        Microcomputers().NextAfter(Gb28380Of2025, Day("2020-01-01")).ShouldBeNull();

    [Fact]
    public void EditionsOf_ListsTheFamilyOldestFirst() =>
        Microcomputers().EditionsOf("GB 28380").Select(e => e.Number).ShouldBe(["GB 28380-2012", "GB 28380-2025"]);

    [Fact]
    public void ReplacedBy_ListsEditionsNamingItInReplaces() =>
        HazardousSubstances().ReplacedBy("gb/t 26572-2011").Select(e => e.Number).ShouldBe(["GB 26572-2025"]);

    [Fact]
    public void Find_LooksUpAnEditionIgnoringCase()
    {
        var timeline = Microcomputers();

        timeline.Find("gb 28380-2025").ShouldBeSameAs(Gb28380Of2025);
        timeline.Find("GB 28380-2019").ShouldBeNull();
    }
}
