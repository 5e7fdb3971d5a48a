using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
using NpgsqlTypes;
using SectorMesh.ServiceDefaults;

namespace SectorMesh.Messaging;

/// <summary>
/// Writes rows of one entity through binary COPY, with its columns, their order and their types taken from the EF model: a
/// column added to the entity is copied with no change here. Columns the database fills (an identity, xmin) are left to it.
/// Each column's value is written by a delegate compiled once, typed as the column is, so a row costs no boxing and no lookup.
/// </summary>
public sealed class CopyWriter<T> where T : class
{
    private static CopyWriter<T>? _built;

    private readonly Action<NpgsqlBinaryImporter, T, string> _write;

    private CopyWriter(string table, IReadOnlyList<string> columns, IReadOnlyList<string> keyColumns, Action<NpgsqlBinaryImporter, T, string> write) =>
        (Table, Columns, KeyColumns, _write) = (table, columns, keyColumns, write);

    public string Table { get; }

    public IReadOnlyList<string> Columns { get; }

    public IReadOnlyList<string> KeyColumns { get; }

    public string CopyCommand(string into) => $"COPY {into} ({string.Join(", ", Columns)}) FROM STDIN (FORMAT BINARY)";

    /// <summary>Writes one row; the owner (a tenant, or the platform) fills the tenant column, which the entity does not carry.</summary>
    public async ValueTask WriteAsync(NpgsqlBinaryImporter importer, T row, string owner, CancellationToken cancellationToken)
    {
        await importer.StartRowAsync(cancellationToken);
        _write(importer, row, owner);
    }

    /// <summary>The model is the same for every context of a process, so the writer is built once.</summary>
    public static CopyWriter<T> For(IModel model) => _built ??= Build(model);

    private static CopyWriter<T> Build(IModel model)
    {
        var entity = model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var properties = entity.GetProperties().Where(p => !FilledByTheDatabase(p)).ToList();
        var importer = Expression.Parameter(typeof(NpgsqlBinaryImporter), "importer");
        var row = Expression.Parameter(typeof(T), "row");
        var owner = Expression.Parameter(typeof(string), "owner");
        var writes = properties.Select(property => WriteColumn(property, importer, row, owner)).ToList();
        var write = Expression.Lambda<Action<NpgsqlBinaryImporter, T, string>>(Expression.Block(writes), importer, row, owner).Compile();
        return new CopyWriter<T>(entity.GetTableName()!, [.. properties.Select(p => p.GetColumnName())],
            [.. entity.FindPrimaryKey()!.Properties.Select(p => p.GetColumnName())], write);
    }

    private static bool FilledByTheDatabase(IProperty property) =>
        property.ValueGenerated == ValueGenerated.OnAddOrUpdate || property.GetValueGenerationStrategy() != NpgsqlValueGenerationStrategy.None;

    private static Expression WriteColumn(IProperty property, ParameterExpression importer, ParameterExpression row, ParameterExpression owner)
    {
        if (property.IsShadowProperty())
        {
            return property.Name == TenantDbContext.TenantProperty
                ? Write(importer, owner)
                : throw new InvalidOperationException($"{typeof(T).Name}.{property.Name} is a shadow property COPY cannot fill.");
        }
        Expression value = Expression.Property(row, property.PropertyInfo!);
        var converter = property.GetTypeMapping().Converter;
        var nullable = !value.Type.IsValueType || Nullable.GetUnderlyingType(value.Type) is not null;
        // jsonb's binary form starts with a version byte that a text value does not carry.
        NpgsqlDbType? type = property.GetColumnType() switch { "jsonb" => NpgsqlDbType.Jsonb, "json" => NpgsqlDbType.Json, _ => null };
        if (!nullable)
        {
            return Write(importer, Provider(value, converter), type);
        }
        var present = Nullable.GetUnderlyingType(value.Type) is not null ? Expression.Property(value, "Value") : value;
        return Expression.IfThenElse(
            Expression.Equal(value, Expression.Constant(null, value.Type)),
            Expression.Call(importer, nameof(NpgsqlBinaryImporter.WriteNull), Type.EmptyTypes),
            Write(importer, Provider(present, converter), type));
    }

    /// <summary>The value as the database stores it (an enum as its number), by the model's own conversion.</summary>
    private static Expression Provider(Expression value, Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter? converter)
    {
        if (converter is null)
        {
            return value.Type.IsEnum ? Expression.Convert(value, Enum.GetUnderlyingType(value.Type)) : value;
        }
        var convert = converter.ConvertToProviderExpression;
        return Expression.Invoke(convert, Expression.Convert(value, convert.Parameters[0].Type));
    }

    private static MethodCallExpression Write(ParameterExpression importer, Expression value, NpgsqlDbType? type = null) => type is { } known
        ? Expression.Call(importer, nameof(NpgsqlBinaryImporter.Write), [value.Type], value, Expression.Constant(known))
        : Expression.Call(importer, nameof(NpgsqlBinaryImporter.Write), [value.Type], value);
}
