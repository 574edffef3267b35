using BenchmarkDotNet.Attributes;
using Certa.Requirements.Evaluation;
using Certa.Requirements.Profiles;

namespace Certa.Bench;

/// <summary>One evaluation: resolving the profile, every rule's condition with its explanation, plan and look-ahead.</summary>
[MemoryDiagnoser]
public class AdvisorBenchmarks
{
    private Advisor advisor = null!;
    private ProfileInput laptop = null!;
    private List<ProfileInput> varied = null!;
    private int next;

    [GlobalSetup]
    public void Setup()
    {
        advisor = AdvisorFixture.Build();
        laptop = AdvisorFixture.Laptop();
        varied = AdvisorFixture.Varied(advisor, 1024);
        foreach (var p in varied)
        {
            advisor.Evaluate(p, AdvisorFixture.Today);
        }
    }

    [Benchmark(Baseline = true)]
    public int EvaluateLaptop() => advisor.Evaluate(laptop, AdvisorFixture.Today).Requirements.Count;

    [Benchmark]
    public int EvaluateVariedProfile() => advisor.Evaluate(varied[next++ & 1023], AdvisorFixture.Today).Requirements.Count;
}
