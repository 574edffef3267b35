using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Certa.Infrastructure.DevData;

/// <summary>
/// The table and columns EF maps an entity type to on this context's provider, and a row's values as EF would write them
/// (through each property's converter: JSON columns, enums as text, SQLite's UTC text times). Generated rows are therefore
/// the rows the application writes, without EF's change tracking in the way.
/// </summary>
internal sealed class EntityRows
{
    private readonly IReadOnlyList<IProperty> properties;
    private readonly IReadOnlyList<ValueConverter?> converters;

    private EntityRows(string table, string? schema, IReadOnlyList<IProperty> properties)
    {
        Table = table;
        this.properties = properties;
        converters = [.. properties.Select(p => p.GetRelationalTypeMapping().Converter)];
        var store = StoreObjectIdentifier.Table(table, schema);
        Columns = [.. properties.Select(p => p.GetColumnName(store) ?? throw new InvalidOperationException($"{table}.{p.Name} has no column."))];
        StoreTypes = [.. properties.Select(p => p.GetColumnType())];
    }

    public string Table { get; }

    public IReadOnlyList<string> Columns { get; }

    /// <summary>The database type of each column (<c>character varying(64)</c>, <c>uuid</c>, <c>date</c>…).</summary>
    public IReadOnlyList<string> StoreTypes { get; }

    public static EntityRows Of<T>(DbContext db)
    {
        var type = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in Certa's model.");
        return new EntityRows(type.GetTableName()!, type.GetSchema(), [.. type.GetFlattenedProperties()]);
    }

    /// <summary>The provider value of every column of <paramref name="entity"/>, in <see cref="Columns"/> order.</summary>
    public void Values(object entity, object?[] into)
    {
        for (var i = 0; i < properties.Count; i++)
        {
            var value = properties[i].GetGetter().GetClrValueUsingContainingEntity(entity);
            into[i] = value is null ? null : converters[i] is { } converter ? converter.ConvertToProvider(value) : value;
        }
    }
}
