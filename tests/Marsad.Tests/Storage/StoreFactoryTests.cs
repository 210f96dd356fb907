using Marsad.Storage;
using Npgsql;

namespace Marsad.Tests.Storage;

public class StoreFactoryTests
{
    [Fact]
    public void PathIsSqlite()
    {
        Assert.False(StoreFactory.IsPostgres("marsad.db"));
        Assert.False(StoreFactory.IsPostgres("/data/postgres/marsad.db"));
    }

    [Fact]
    public void UrisAndConnectionStringsArePostgres()
    {
        Assert.True(StoreFactory.IsPostgres("postgres://u@h/db"));
        Assert.True(StoreFactory.IsPostgres("postgresql://u@h/db"));
        Assert.True(StoreFactory.IsPostgres("Host=h;Database=db"));
        Assert.True(StoreFactory.IsPostgres("Database=db;Host=h"));
    }

    [Fact]
    public void UriBecomesConnectionString()
    {
        var b = new NpgsqlConnectionStringBuilder(StoreFactory.ToNpgsqlConnectionString("postgres://marsad:p%40ss@db.example:5433/news?sslmode=require"));
        Assert.Equal("db.example", b.Host);
        Assert.Equal(5433, b.Port);
        Assert.Equal("marsad", b.Username);
        Assert.Equal("p@ss", b.Password);
        Assert.Equal("news", b.Database);
        Assert.Equal(SslMode.Require, b.SslMode);
    }

    [Fact]
    public void UnknownUriParameterFailsClearly()
    {
        var ex = Assert.Throws<FormatException>(() => StoreFactory.ToNpgsqlConnectionString("postgres://h/db?colour=blue"));
        Assert.Contains("colour", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PasswordIsRedacted()
    {
        Assert.Equal("postgres://marsad:***@h/db", StoreFactory.Redact("postgres://marsad:secret@h/db"));
        Assert.DoesNotContain("secret", StoreFactory.Redact("Host=h;Password=secret"), StringComparison.Ordinal);
    }

    [Fact]
    public void SqliteIndexSitsBesideTheDatabase() =>
        Assert.Equal(Path.GetFullPath("x/marsad.db") + ".index", StoreFactory.DefaultIndexPath("x/marsad.db"));

    [Fact]
    public void PostgresIndexIsPerServerAndDatabase() =>
        Assert.NotEqual(StoreFactory.DefaultIndexPath("postgres://h/a"), StoreFactory.DefaultIndexPath("postgres://h/b"));
}
