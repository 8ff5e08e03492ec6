namespace LeicsPerformance.Web.Tests.Infrastructure;

/// <summary>
/// A test class that talks to the app in memory: each class gets its own copy of the seeded database, an app on it,
/// and a client. Classes that need more (signed-in users, Kestrel for a browser) set that up themselves.
/// </summary>
public abstract class AppTest(TestDatabase database) : IAsyncLifetime
{
    protected TestDatabase Database { get; } = database;

    protected string ConnectionString { get; private set; } = string.Empty;

    protected AppFactory Factory { get; private set; } = null!;

    protected HttpClient Client { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        ConnectionString = await Database.CreateCopyAsync();
        Factory = new AppFactory(ConnectionString);
        Client = Factory.CreateClient();
    }

    public virtual async Task DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
    }
}
