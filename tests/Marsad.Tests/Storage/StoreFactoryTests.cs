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

    [Theory]
    [InlineData("postgres://marsad:p@ss:w/rd@db.example:5432/news", "postgres://marsad:***@db.example:5432/news")]
    [InlineData("postgresql://u:secret@h/db?sslmode=require", "postgresql://u:***@h/db?sslmode=require")]
    [InlineData("postgres://u@h/db", "postgres://u@h/db")]
    [InlineData("postgres://h/db?password=secret", "postgres://h/db?password=***")]
    public void UriPasswordsAreRedactedWhateverTheyHold(string uri, string shown) => Assert.Equal(shown, StoreFactory.Redact(uri));

    [Theory]
    [InlineData("Host=h;Username=u;Password=secret;Database=d")]
    [InlineData("Host=h;Password='sec;ret';Database=d")]
    [InlineData("Host=h;PWD=secret")]
    [InlineData("Database=d;Server=h;password = secret")]
    [InlineData("Host=h;Password=secret;Bogus Key=1")]
    public void ConnectionStringPasswordsAreRedacted(string connection)
    {
        var shown = StoreFactory.Redact(connection);
        Assert.DoesNotContain("sec", shown, StringComparison.Ordinal);
        Assert.Contains("=***", shown, StringComparison.Ordinal);
    }

    [Fact]
    public void SqliteIndexSitsBesideTheDatabase() =>
        Assert.Equal(Path.GetFullPath("x/marsad.db") + ".index", StoreFactory.DefaultIndexPath("x/marsad.db"));

    [Fact]
    public void PostgresIndexIsPerServerAndDatabase() =>
        Assert.NotEqual(StoreFactory.DefaultIndexPath("postgres://h/a"), StoreFactory.DefaultIndexPath("postgres://h/b"));
}
