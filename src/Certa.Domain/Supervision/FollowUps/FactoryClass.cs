namespace Certa.Domain.Supervision.FollowUps;

/// <summary>
/// The class a certification body gives a factory (CNCA-00C-003:2013): from its inspection results, sampling,
/// spot checks and cooperation. The class drives how often the factory is followed up.
/// </summary>
public enum FactoryClass
{
    A,
    B,
    C,
    D,
}
