using System.Reflection;
using Dapper;

namespace Nlc.Storage;

/// <summary>
/// Maps snake_case columns (<c>created_at</c>) to the properties of one row type (<c>CreatedAt</c>). It is set per row type
/// because Dapper's global switch for this would change how every other Dapper user in the process reads rows.
/// </summary>
internal static class SnakeCaseColumns
{
    /// <summary>Reads columns into <typeparamref name="TRow"/> by name, ignoring underscores and case.</summary>
    public static void Map<TRow>() =>
        // Dapper's selector is declared non-null, but a null (a column the row type does not have) is skipped by design.
        SqlMapper.SetTypeMap(typeof(TRow), new CustomPropertyTypeMap(typeof(TRow), (rowType, column) => FindProperty(rowType, column)!));

    private static PropertyInfo? FindProperty(Type rowType, string column) =>
        rowType.GetProperty(column.Replace("_", "", StringComparison.Ordinal), BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
}
