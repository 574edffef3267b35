namespace Certa.Domain.Registry;

public enum AuthorityKind
{
    Regulator,
    Ministry,
    StandardsBody,
    AccreditationBody,
    Association,
    Institute,
}

/// <summary>Whether a scheme binds the product by law, by choice, or by market pull.</summary>
public enum Obligation
{
    Mandatory,
    Voluntary,
    MarketDriven,
}

/// <summary>What holding (or lacking) the certification does to the product (seed "Who is Who").</summary>
public enum Impact
{
    MarketAccess,
    Procurement,
    Subsidy,
    DeFactoAdmission,
    None,
}

/// <summary>Who runs the scheme relative to SAMR/CNCA.</summary>
public enum Management
{
    SamrCnca,
    Independent,
    JointWithSamrCnca,
    Gso,
}

/// <summary>The kind of conformity-assessment procedure a scheme uses.</summary>
public enum SchemeMode
{
    Certification,
    SelfDeclaration,
    TypeApproval,
    Licence,
    LabelFiling,
    Assessment,
    Announcement,
}

/// <summary>How a product type in a catalogue is assessed.</summary>
public enum ProductMode
{
    /// <summary>Type test by a designated lab, factory inspection, certificate from a designated body.</summary>
    ThirdParty,

    /// <summary>CCC self-declaration A (*): type test in a lab of the applicant's choice, then a filing.</summary>
    SdocA,

    /// <summary>CCC self-declaration B (**): type test in a designated lab, then a filing.</summary>
    SdocB,

    /// <summary>Notified-body type examination (G-mark List 2).</summary>
    TypeExamination,

    /// <summary>Supplier's self-declaration without a designated-lab test.</summary>
    SelfDeclaration,
}

public enum StandardKind
{
    Mandatory,
    Recommended,
    Industry,
    International,
    Regional,
}

public enum BodyKind
{
    CertificationBody,
    Laboratory,
}

/// <summary>Where a standard edition stands on a given date.</summary>
public enum EditionStatus
{
    /// <summary>Published, not yet in force.</summary>
    Upcoming,
    InForce,
    Superseded,
    Withdrawn,
}
