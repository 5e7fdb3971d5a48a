using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SectorMesh.ServiceDefaults;

public static class JsonColumns
{
    /// <summary>
    /// Stores a value that belongs to its row (a list of records, say) as one jsonb column, compared
    /// by content so a change inside it is saved. A column written in bulk and never queried inside can be
    /// json instead: PostgreSQL then checks the text rather than parsing it into jsonb's binary form.
    /// </summary>
    public static PropertyBuilder<T> AsJson<T>(this PropertyBuilder<T> property, JsonSerializerOptions json, string columnType = "jsonb") => property
        .HasConversion(
            value => JsonSerializer.Serialize(value, json),
            text => JsonSerializer.Deserialize<T>(text, json)!,
            new ValueComparer<T>(
                (a, b) => JsonSerializer.Serialize(a, json) == JsonSerializer.Serialize(b, json),
                value => JsonSerializer.Serialize(value, json).GetHashCode(),
                value => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(value, json), json)!))
        .HasColumnType(columnType);
}
