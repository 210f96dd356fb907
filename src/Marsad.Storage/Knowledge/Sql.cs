using System.Data;
using System.Data.Common;

namespace Marsad.Storage.Knowledge;

/// <summary>
/// Small helpers over ADO.NET that both stores share: commands with named <c>@</c> parameters (SQLite and Npgsql both
/// read them), typed nulls (PostgreSQL needs a type for a NULL parameter), and IN lists cut into chunks (SQLite limits
/// the number of variables of one statement).
/// </summary>
internal static class Sql
{
    public const int Chunk = 500;

    public static DbCommand Command(DbConnection connection, DbTransaction? tx, string sql)
    {
        var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        return cmd;
    }

    public static void Execute(DbConnection connection, DbTransaction? tx, string sql)
    {
        using var cmd = Command(connection, tx, sql);
        cmd.ExecuteNonQuery();
    }

    public static long Long(DbConnection connection, DbTransaction? tx, string sql)
    {
        using var cmd = Command(connection, tx, sql);
        return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static DbCommand With(this DbCommand cmd, string name, string? value) => cmd.With(name, value, DbType.String);

    public static DbCommand With(this DbCommand cmd, string name, long value) => cmd.With(name, value, DbType.Int64);

    public static DbCommand With(this DbCommand cmd, string name, int value) => cmd.With(name, value, DbType.Int32);

    public static DbCommand With(this DbCommand cmd, string name, object? value, DbType type)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.DbType = type;
        p.Value = value ?? DBNull.Value;
        cmd.Parameters.Add(p);
        return cmd;
    }

    /// <summary>"@p0, @p1, …" for <paramref name="values"/>, added to the command as text parameters.</summary>
    public static string InList(this DbCommand cmd, IReadOnlyList<string> values, string prefix = "@in")
    {
        var names = new string[values.Count];
        for (var i = 0; i < values.Count; i++)
        {
            names[i] = prefix + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            cmd.With(names[i], values[i]);
        }

        return string.Join(", ", names);
    }

    public static string? NullableString(this DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    public static int Int(this DbDataReader r, int i) => Convert.ToInt32(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);
}
