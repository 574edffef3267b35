using Certa.Domain.Applications;
using Certa.Domain.Certificates;
using Certa.Domain.Common;
using Certa.Domain.Supervision.FollowUps;

namespace Certa.Domain.Tests.Supervision.FollowUps;

/// <summary>
/// One real certificate under supervision, on a fake clock: the test records follow-ups, and <see cref="RunDaily"/>
/// runs the decider each morning and applies its decisions through the certificate's own methods, as the daily job will.
/// </summary>
internal sealed class SupervisedWorld
{
    /// <summary>CCC's numbers from data/supervision/follow-up.yaml: 12 months, 90-day window, 30 days' grace, 90 days to correct.</summary>
    public static readonly FollowUpPolicy Ccc = MakePolicy();

    private readonly List<FollowUpRecord> followUps = [];
    private readonly List<CertificateSuspension> suspensions = [];
    private readonly List<(DateOnly Day, SupervisionDecision Decision)> decisions = [];

    public SupervisedWorld(DateOnly issuedOn, int validityYears = 5, FollowUpPolicy? policy = null)
    {
        Clock = new FakeClock(new DateTimeOffset(issuedOn, new TimeOnly(9, 0), TimeSpan.Zero));
        Policy = policy ?? Ccc;
        Certificate = Certificate.IssueRegistered(Guid.NewGuid(), "2026010902000001", Content(), validityYears, Clock.GetUtcNow(), 1, "test");
        Certificate.ClearEvents();
    }

    public FakeClock Clock { get; }

    public FollowUpPolicy Policy { get; }

    public Certificate Certificate { get; }

    /// <summary>Every decision applied, with the day it was made.</summary>
    public IReadOnlyList<(DateOnly Day, SupervisionDecision Decision)> Decisions => decisions;

    public IReadOnlyList<DateOnly> Schedule => FollowUpSchedule.For(Policy, Facts);

    public SupervisedCertificate Facts => new(Certificate.Number, Certificate.SchemeId, Certificate.BodyId, Certificate.IssuedOn, Certificate.ValidUntil,
        Certificate.State, null, [.. followUps], [.. suspensions]);

    public static FollowUpPolicy MakePolicy(int intervalMonths = 12, int windowDays = 90, int graceDays = 30, int overdueDeadlineDays = 90,
        int correctiveDays = 90, IReadOnlyDictionary<FactoryClass, int>? classIntervals = null, string scheme = "ccc") =>
        FollowUpPolicy.Of(scheme, intervalMonths, classIntervals ?? new Dictionary<FactoryClass, int>(), 1m, 1.5m, windowDays, graceDays,
            overdueDeadlineDays, correctiveDays, FollowUpRuleIds.All.ToDictionary(id => id, _ => new Provenance("test")));

    /// <summary>The facts of a certificate with no world around it, valid <paramref name="validityYears"/> from <paramref name="issuedOn"/>.</summary>
    public static SupervisedCertificate CertificateFacts(DateOnly issuedOn, string number = "2026010902000001", string body = "cqc",
        CertificateState state = CertificateState.Active, int validityYears = 5, FactoryClass? factoryClass = null, params FollowUpRecord[] followUps) =>
        new(number, "ccc", body, issuedOn, issuedOn.AddYears(validityYears).AddDays(-1), state, factoryClass, followUps, []);

    /// <summary>Records every due follow-up as passed on its due day.</summary>
    public void PassEveryDueOnTime()
    {
        foreach (var due in Schedule)
        {
            Pass(due, performedOn: due);
        }
    }

    /// <summary>Records a passed follow-up for <paramref name="dueOn"/>, performed today unless said otherwise.</summary>
    public void Pass(DateOnly dueOn, DateOnly? performedOn = null) => followUps.Add(FollowUpRecord.Passed(dueOn, performedOn ?? Clock.Today));

    /// <summary>Records a failed follow-up for <paramref name="dueOn"/>, performed today unless said otherwise.</summary>
    public void Fail(DateOnly dueOn, DateOnly? performedOn = null, string finding = "Critical component changed without notice") =>
        followUps.Add(FollowUpRecord.Failed(dueOn, performedOn ?? Clock.Today, [finding]));

    /// <summary>Records an inspection outside the schedule (a draw's), passed or failed today.</summary>
    public void Unscheduled(bool passed, string finding = "Power supply not the certified one") =>
        followUps.Add((passed ? FollowUpRecord.Passed(Clock.Today, Clock.Today) : FollowUpRecord.Failed(Clock.Today, Clock.Today, [finding])) with { AnswersDueDay = false });

    /// <summary>Moves the clock to <paramref name="day"/> without running the job (a job that was down).</summary>
    public void JumpTo(DateOnly day) => Clock.Advance(day.DayNumber - Clock.Today.DayNumber is var days && days >= 0
        ? TimeSpan.FromDays(days)
        : throw new ArgumentOutOfRangeException(nameof(day), $"The clock is at {Clock.Today:yyyy-MM-dd} already."));

    /// <summary>The job's run today: decide, and apply what was decided.</summary>
    public SupervisionDecision? RunToday()
    {
        var decision = SupervisionDecider.Decide(Policy, Facts, Clock.GetUtcNow());
        if (decision is not null)
        {
            decision.ApplyTo(Certificate, Clock.GetUtcNow());
            if (decision.Action == SupervisionAction.Suspend)
            {
                suspensions.Add(new CertificateSuspension(Clock.Today, decision.Deadline!.Value, decision.RuleId));
            }

            decisions.Add((Clock.Today, decision));
        }

        return decision;
    }

    /// <summary>Runs the job each day from today up to and including <paramref name="last"/>; the clock ends on <paramref name="last"/>.</summary>
    public void RunDaily(DateOnly last)
    {
        while (true)
        {
            RunToday();
            if (Clock.Today >= last)
            {
                return;
            }

            Clock.Advance(TimeSpan.FromDays(1));
        }
    }

    /// <summary>The body suspends the certificate by hand (not a follow-up rule).</summary>
    public void SuspendByHand(DateOnly deadline)
    {
        Certificate.Suspend("Mark misused", deadline, Clock.GetUtcNow());
        suspensions.Add(new CertificateSuspension(Clock.Today, deadline, null));
    }

    private static CertificateContent Content() =>
        new("ccc", "cqc", "demo-laptop-maker", new LocalizedText("Maker Co.", "制造商"), new LocalizedText("1 Road", "一路1号"),
            new Party(new LocalizedText("Maker Co."), new LocalizedText("1 Road")), new Party(new LocalizedText("Factory"), new LocalizedText("2 Road")),
            "ccc.0902", ProductDetails.Of(new LocalizedText("Laptop"), "X14", [], "Example"), ["GB 4943.1-2022"]);
}
