using Certa.Domain.Common;

namespace Certa.Domain.Testing;

/// <summary>Where an order's samples are, from the plan to their retention or return.</summary>
public enum SampleState
{
    /// <summary>On the order; the applicant has not sent them yet.</summary>
    Planned,

    /// <summary>The applicant has handed them to a carrier.</summary>
    Dispatched,

    /// <summary>The lab has them.</summary>
    Received,

    /// <summary>The order completed: every standard has a result.</summary>
    Tested,

    /// <summary>The lab keeps them, until a date.</summary>
    Retained,

    /// <summary>The lab has sent them back.</summary>
    Returned,
}

/// <summary>A parcel of samples: who carries it, its tracking number, the day it was sent.</summary>
public sealed record Consignment(string Carrier, string TrackingNumber, DateOnly SentOn)
{
    /// <summary>Refuses a missing carrier or tracking number and a sending day after <paramref name="now"/>; <paramref name="field"/> names the request part.</summary>
    public static Consignment Of(string? carrier, string? trackingNumber, DateOnly? sentOn, DateTimeOffset now, string field)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var day = sentOn ?? today;
        if (day > today)
        {
            throw DomainException.Invalid("sent-on-in-the-future", $"The samples cannot have been sent on {day:yyyy-MM-dd}; today is {today:yyyy-MM-dd}.", field + ".sentOn");
        }

        return new Consignment(Text(carrier, "carrier", field + ".carrier"), Text(trackingNumber, "tracking number", field + ".trackingNumber"), day);
    }

    private static string Text(string? value, string what, string field) =>
        string.IsNullOrWhiteSpace(value)
            ? throw DomainException.Invalid(what.Replace(' ', '-') + "-required", $"Give the {what} of the samples' parcel.", field)
            : value.Trim();
}

/// <summary>
/// An order's samples: the plan (which models, how many, on what the body based the choice) and the
/// facts of their journey. Their <see cref="SampleState"/> follows from these and the order's state
/// (<see cref="TestOrder.SampleState"/>), so the two cannot disagree.
/// </summary>
public sealed record SampleShipment(IReadOnlyList<Sample> Plan, Consignment? Dispatch = null, DateOnly? RetainedUntil = null, Consignment? Return = null);
