using Certa.Domain.Common;

namespace Certa.Domain.Registry;

/// <summary>A row of reference data: identified by a stable key, always carrying its provenance.</summary>
public interface IRegistryRecord
{
    string Key { get; }

    Provenance Provenance { get; }
}
