using System.Text;
using Microsoft.EntityFrameworkCore;

namespace SectorMesh.ServiceDefaults;

public static class SnakeCase
{
    /// <summary>PostgreSQL's own naming (snake_case tables and columns of the top-level entities) so the schema reads naturally in psql.</summary>
    public static void UseSnakeCaseNames(this ModelBuilder model)
    {
        foreach (var entity in model.Model.GetEntityTypes().Where(e => !e.IsOwned()))
        {
            entity.SetTableName(ToSnake(entity.GetTableName()!));
            // xmin is PostgreSQL's own row version column and keeps its name.
            foreach (var property in entity.GetProperties().Where(p => p.GetColumnName() != "xmin"))
            {
                property.SetColumnName(ToSnake(property.GetColumnName()));
            }
            // A value object's columns carry its property's name: amount_amount, amount_currency, period_start.
            foreach (var complex in entity.GetComplexProperties())
            {
                foreach (var property in complex.ComplexType.GetProperties())
                {
                    property.SetColumnName(ToSnake(complex.Name) + "_" + ToSnake(property.Name));
                }
            }
        }
    }

    public static string ToSnake(string name)
    {
        var text = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0 && name[i - 1] != '_')
            {
                text.Append('_');
            }
            text.Append(char.ToLowerInvariant(name[i]));
        }
        return text.ToString();
    }
}
