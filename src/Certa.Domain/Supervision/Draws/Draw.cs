using Certa.Domain.Common;

namespace Certa.Domain.Supervision.Draws;

/// <summary>
/// A "double random" draw as Certa keeps and publishes it: the whole record (inputs, public random value, result
/// and digest, in the <c>certa-draw/1</c> format that <c>certa draw verify</c> reads) and the figures a list shows.
/// Made once and never changed: there is no method that changes it, and the database refuses updates and deletes.
/// </summary>
public sealed class Draw : Aggregate
{
    private Draw()
    {
        Reference = AuthorityId = PublicRandom = Seed = Digest = RecordJson = string.Empty;
    }

    public Guid Id { get; private set; }

    /// <summary>The draw's id in its record (<see cref="DrawDefinition.Id"/>), unique: <c>cnca-2026-11-27-1</c>.</summary>
    public string Reference { get; private set; }

    public string AuthorityId { get; private set; }

    public DateOnly DrawDate { get; private set; }

    public string PublicRandom { get; private set; }

    public string Seed { get; private set; }

    public string Digest { get; private set; }

    public int PopulationSize { get; private set; }

    public int SampleSize { get; private set; }

    /// <summary>How many targets were drawn; a target short of inspectors is still one, and the record names its shortfall.</summary>
    public int TargetCount { get; private set; }

    /// <summary>The published record, byte for byte as exported.</summary>
    public string RecordJson { get; private set; }

    public DateTimeOffset MadeAt { get; private set; }

    public override string EntityType => "draw";

    public override string EntityKey => Id.ToString();

    public override string? OwningOrganisation => AuthorityId;

    /// <summary>Runs the draw on <paramref name="inputs"/> and keeps its record.</summary>
    public static Draw Make(Guid id, DrawInputs inputs, DateTimeOffset at)
    {
        var record = DrawRecord.Draw(inputs);
        var draw = new Draw
        {
            Id = id,
            Reference = inputs.Definition.Id,
            AuthorityId = inputs.Definition.AuthorityId,
            DrawDate = inputs.Definition.DrawDate,
            PublicRandom = inputs.PublicRandom,
            Seed = record.Result.Seed,
            Digest = record.Digest,
            PopulationSize = record.Result.PopulationSize,
            SampleSize = record.Result.SampleSize,
            TargetCount = record.Result.Targets.Count,
            RecordJson = DrawRecordJson.Write(record),
            MadeAt = at,
        };
        draw.Record("draw.made", new
        {
            reference = draw.Reference,
            seed = draw.Seed,
            digest = draw.Digest,
            population = draw.PopulationSize,
            sample = draw.SampleSize,
            targets = record.Result.Targets.Select(t => t.CertificateNumber).ToList(),
        });
        return draw;
    }

    /// <summary>The record read back, to verify or to show.</summary>
    public DrawRecord ToRecord() => DrawRecordJson.Read(RecordJson);

    public override object AuditState() => new { Id, Reference, AuthorityId, DrawDate, Seed, Digest, PopulationSize, SampleSize, TargetCount };
}
