using Certa.Domain.Applications;
using Certa.Domain.Common;

namespace Certa.Domain.Tests.Applications;

public sealed class ApplicationTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Engineer = Guid.Parse("00000000-0000-0000-0000-00000000000e");
    private static readonly Guid Auditor = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid Reviewer = Guid.Parse("00000000-0000-0000-0000-00000000000b");
    private static readonly Guid Decider = Guid.Parse("00000000-0000-0000-0000-00000000000d");

    private static Application Laptop() => Application.Draft(Guid.NewGuid(), "demo-laptop-maker", "cqc", "ccc", "ccc.0902",
        ProductDetails.Of(new LocalizedText("Laptop", "笔记本电脑"), "X14", [new SeriesModel("X14 Pro", "Larger battery")], "Example"),
        Party.Of(new LocalizedText("Shenzhen Example Computer Co., Ltd."), new LocalizedText("1 Example Road, Shenzhen"), "manufacturer"),
        Party.Of(new LocalizedText("Example Factory"), new LocalizedText("2 Factory Road, Dongguan"), "factory"),
        ["application_form", "product_description"], T0);

    private static Application Submitted()
    {
        var application = Laptop();
        application.AttachDocument(new AttachedDocument("application_form", new string('a', 64), "form.pdf", 1000, T0));
        application.AttachDocument(new AttachedDocument("product_description", new string('b', 64), "product.pdf", 2000, T0));
        application.Submit(T0.AddHours(1));
        return application;
    }

    private static Application InReview()
    {
        var application = Submitted();
        application.Accept(T0.AddDays(7));
        application.StartTesting(T0.AddDays(8));
        application.NoteEvaluator(Engineer);
        application.CompleteTesting(T0.AddDays(30));
        application.NoteEvaluator(Auditor);
        application.CompleteFactoryAudit(T0.AddDays(33));
        return application;
    }

    [Fact]
    public void HappyPath_ReachesGranted_RecordingEachStep()
    {
        var application = InReview();
        application.AssignReviewer(Reviewer);
        application.RecordReview(Reviewer, recommendGrant: true, "Tests and audit conform.", T0.AddDays(45));
        application.Grant(Decider, T0.AddDays(50));

        application.State.ShouldBe(ApplicationState.Granted);
        application.DeciderId.ShouldBe(Decider);
        application.PendingEvents().Select(e => e.Action).ShouldBe([
            "application.drafted", "application.document_attached", "application.document_attached", "application.submit",
            "application.accept", "application.start_testing", "application.evaluator_noted", "application.complete_testing",
            "application.evaluator_noted", "application.complete_factory_audit", "application.reviewer_assigned", "application.reviewed", "application.grant",
        ]);
    }

    [Fact]
    public void Submit_WithoutEveryRequiredDocument_IsRefusedNamingTheMissingOnes()
    {
        var application = Laptop();
        application.AttachDocument(new AttachedDocument("application_form", new string('a', 64), "form.pdf", 1000, T0));

        var refused = Should.Throw<DomainException>(() => application.Submit(T0));

        refused.Code.ShouldBe("documents-missing");
        refused.Message.ShouldContain("product_description");
        application.State.ShouldBe(ApplicationState.Draft);
    }

    [Fact]
    public void AttachDocument_ThatTheSchemeDoesNotAsk_IsRefused() =>
        Should.Throw<DomainException>(() => Laptop().AttachDocument(new AttachedDocument("cb_report", "x", "cb.pdf", 1, T0)))
            .Code.ShouldBe("document-not-required");

    [Fact]
    public void AttachDocument_AfterSubmission_IsRefused() =>
        Should.Throw<DomainException>(() => Submitted().AttachDocument(new AttachedDocument("application_form", "x", "f.pdf", 1, T0)))
            .Code.ShouldBe("not-editable");

    [Fact]
    public void Returned_ThenCompletedAndResubmitted_IsSubmittedAgain_AndTheReasonIsCleared()
    {
        var application = Submitted();
        application.ReturnForCompletion("The nameplate drawing is illegible.", T0.AddDays(2));
        application.Reason.ShouldBe("The nameplate drawing is illegible.");

        application.AttachDocument(new AttachedDocument("product_description", new string('c', 64), "product-v2.pdf", 2100, T0.AddDays(3)));
        application.Submit(T0.AddDays(3));

        application.State.ShouldBe(ApplicationState.Submitted);
        application.Reason.ShouldBeNull();
        application.Documents.Single(d => d.DocumentId == "product_description").FileName.ShouldBe("product-v2.pdf");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Refusal_WithoutAReason_IsRefused(string reason)
    {
        var application = Submitted();

        Should.Throw<DomainException>(() => application.RefuseAtAcceptance(reason, T0)).Code.ShouldBe("reason-required");
        application.State.ShouldBe(ApplicationState.Submitted);
    }

    [Fact]
    public void Accept_ADraft_IsAnIllegalTransition()
    {
        var refused = Should.Throw<DomainException>(() => Laptop().Accept(T0));

        refused.Code.ShouldBe("illegal-transition");
        refused.Message.ShouldContain("submit");
    }

    [Fact]
    public void Review_BySomeoneWhoTested_IsRefused()
    {
        var application = InReview();

        var refused = Should.Throw<DomainException>(() => application.AssignReviewer(Engineer));

        refused.Kind.ShouldBe(RefusalKind.Forbidden);
        refused.Code.ShouldBe("evaluator-cannot-review");
        application.ReviewerId.ShouldBeNull();
    }

    [Fact]
    public void Grant_ByTheAuditor_IsRefused_AndTheApplicationStaysInReview()
    {
        var application = InReview();
        application.AssignReviewer(Reviewer);
        application.RecordReview(Reviewer, recommendGrant: true, "Conforms.", T0.AddDays(45));

        var refused = Should.Throw<DomainException>(() => application.Grant(Auditor, T0.AddDays(50)));

        refused.Code.ShouldBe("evaluator-cannot-decide");
        application.State.ShouldBe(ApplicationState.Review);
        application.DeciderId.ShouldBeNull();
    }

    [Fact]
    public void Grant_BeforeAReviewer_IsRefused() =>
        Should.Throw<DomainException>(() => InReview().Grant(Decider, T0)).Code.ShouldBe("review-missing");

    [Fact]
    public void Grant_BeforeTheReviewIsRecorded_IsRefused()
    {
        var application = InReview();
        application.AssignReviewer(Reviewer);

        Should.Throw<DomainException>(() => application.Grant(Decider, T0.AddDays(50))).Code.ShouldBe("review-missing");
        application.State.ShouldBe(ApplicationState.Review);
    }

    [Fact]
    public void Review_BySomeoneOtherThanTheAssignedReviewer_IsRefused()
    {
        var application = InReview();
        application.AssignReviewer(Reviewer);

        var refused = Should.Throw<DomainException>(() => application.RecordReview(Decider, recommendGrant: true, "Fine.", T0.AddDays(45)));

        refused.Code.ShouldBe("not-the-reviewer");
        application.Review.ShouldBeNull();
    }

    [Fact]
    public void Grant_ByTheReviewer_IsRefused_FourEyes()
    {
        var application = InReview();
        application.AssignReviewer(Reviewer);
        application.RecordReview(Reviewer, recommendGrant: true, "Conforms.", T0.AddDays(45));

        Should.Throw<DomainException>(() => application.Grant(Reviewer, T0.AddDays(50))).Code.ShouldBe("reviewer-cannot-decide");
    }

    [Fact]
    public void Review_WithoutNotes_IsRefused()
    {
        var application = InReview();
        application.AssignReviewer(Reviewer);

        Should.Throw<DomainException>(() => application.RecordReview(Reviewer, recommendGrant: false, " ", T0)).Code.ShouldBe("review-notes-required");
    }

    [Fact]
    public void Withdraw_DuringTesting_EndsTheApplication_AndNothingMoreIsPossible()
    {
        var application = Submitted();
        application.Accept(T0.AddDays(1));
        application.StartTesting(T0.AddDays(2));

        application.Withdraw("Product discontinued.", T0.AddDays(3));

        application.State.ShouldBe(ApplicationState.Withdrawn);
        Should.Throw<DomainException>(() => application.CompleteTesting(T0.AddDays(4))).Code.ShouldBe("illegal-transition");
    }

    [Theory]
    [InlineData("", "X1", "product-name-required")]
    [InlineData("Laptop", " ", "main-model-required")]
    public void ProductDetails_Incomplete_AreRefused(string name, string model, string code) =>
        Should.Throw<DomainException>(() => ProductDetails.Of(new LocalizedText(name), model, [], null)).Code.ShouldBe(code);

    [Fact]
    public void ProductDetails_WithASeriesModelThatRepeatsTheMainModel_AreRefused() =>
        Should.Throw<DomainException>(() => ProductDetails.Of(new LocalizedText("Laptop"), "X14", [new SeriesModel("x14", "same")], null))
            .Code.ShouldBe("duplicate-model");

    [Fact]
    public void ProductDetails_WithASeriesModelWithoutDifferences_AreRefused() =>
        Should.Throw<DomainException>(() => ProductDetails.Of(new LocalizedText("Laptop"), "X14", [new SeriesModel("X15", " ")], null))
            .Code.ShouldBe("series-model-incomplete");
}
