using Certa.Domain.Common;

namespace Certa.Domain.Testing;

/// <summary>Whether an application's testing is done: every order that still counts has passed.</summary>
public static class TestingGate
{
    /// <summary>
    /// Refuses (409) while an order is open, or failed without a retest, or when no order passed.
    /// Superseded (retested) and cancelled orders do not count.
    /// </summary>
    public static void RequireAllPassed(Guid applicationId, IEnumerable<TestOrder> orders)
    {
        var counting = orders.Where(o => o.ApplicationId == applicationId && !o.IsSuperseded && o.State != TestOrderState.Cancelled).ToList();
        var open = counting.Where(o => o.State is TestOrderState.Ordered or TestOrderState.Received).ToList();
        if (open.Count > 0)
        {
            throw DomainException.Conflict("test-orders-open",
                $"Testing of application {applicationId} is not finished: {string.Join(", ", open.Select(o => $"order {o.Id} at {o.LabId} is {TestOrder.Name(o.State)}"))}.");
        }

        var failed = counting.Where(o => o.Outcome == TestOutcome.Failed).ToList();
        if (failed.Count > 0)
        {
            throw DomainException.Conflict("test-orders-failed",
                $"Application {applicationId} has failed tests without a passed retest: " +
                string.Join("; ", failed.Select(o => $"order {o.Id} failed {string.Join(", ", o.Results.Where(r => !r.Passed).Select(r => r.Standard))}")) +
                ". Open a corrective action and a retest.");
        }

        if (counting.Count == 0)
        {
            throw DomainException.Conflict("no-passed-tests", $"Application {applicationId} has no passed test order.");
        }
    }
}
