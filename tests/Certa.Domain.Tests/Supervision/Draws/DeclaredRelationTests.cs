using Certa.Domain.Common;
using Certa.Domain.Supervision.Draws;

namespace Certa.Domain.Tests.Supervision.Draws;

public sealed class DeclaredRelationTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 27, 9, 30, 0, TimeSpan.Zero);
    private static readonly Guid Person = Guid.NewGuid();

    private static DeclaredRelation Declare(string relatedTo = " demo-laptop-maker ", string nature = " former employer ") =>
        DeclaredRelation.Declare(Guid.NewGuid(), Person, "cqc", relatedTo, nature, At);

    [Fact]
    public void Declare_KeepsItTrimmed_Standing_AndRecordsIt()
    {
        var relation = Declare();

        (relation.RelatedTo, relation.Nature, relation.OrganisationId, relation.PersonId).ShouldBe(("demo-laptop-maker", "former employer", "cqc", Person));
        relation.Stands.ShouldBeTrue();
        relation.DeclaredAt.ShouldBe(At);
        relation.PendingEvents().ShouldHaveSingleItem().Action.ShouldBe("relation.declared");
        relation.OwningOrganisation.ShouldBe("cqc");
    }

    [Theory]
    [InlineData("", "family", "related-to-required")]
    [InlineData("cqc", "family", "relation-to-own-organisation")]
    [InlineData("demo-laptop-maker", " ", "nature-required")]
    public void Declare_WithoutWhatItNeeds_IsRefused(string relatedTo, string nature, string code) =>
        Should.Throw<DomainException>(() => Declare(relatedTo, nature)).Code.ShouldBe(code);

    [Fact]
    public void Declare_WithAVeryLongNature_IsRefused() =>
        Should.Throw<DomainException>(() => Declare(nature: new string('x', 501))).Code.ShouldBe("nature-too-long");

    [Fact]
    public void End_StopsIt_AndASecondEnd_IsAConflict()
    {
        var relation = Declare();
        relation.ClearEvents();

        relation.End(At.AddDays(3));

        relation.Stands.ShouldBeFalse();
        relation.EndedAt.ShouldBe(At.AddDays(3));
        relation.PendingEvents().ShouldHaveSingleItem().Action.ShouldBe("relation.ended");
        var again = Should.Throw<DomainException>(() => relation.End(At.AddDays(4)));
        (again.Kind, again.Code).ShouldBe((RefusalKind.Conflict, "relation-ended"));
    }
}
