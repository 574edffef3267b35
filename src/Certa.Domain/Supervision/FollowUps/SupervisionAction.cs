namespace Certa.Domain.Supervision.FollowUps;

/// <summary>What supervision does to a certificate by itself.</summary>
public enum SupervisionAction
{
    /// <summary>Suspend, to be corrected by a deadline.</summary>
    Suspend,
    /// <summary>Withdraw (撤销): the deadline of a follow-up suspension passed uncorrected.</summary>
    Withdraw,
    /// <summary>Expire: the last valid day has passed.</summary>
    Expire,
}
