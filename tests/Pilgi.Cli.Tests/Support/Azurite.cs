namespace Pilgi.Cli.Tests.Support;

/// <summary>
/// The Azurite instance <c>tests/run.sh</c> starts (<c>tests/azurite.sh</c>): its default account's connection
/// string in <see cref="Variable"/> and the names of more accounts of the same instance in <see cref="AccountsVariable"/>.
/// Each test that runs a host takes an account of its own, so that no host sees another test's scans (the
/// <c>scans</c> container is shared by everything in an account).
/// </summary>
internal static class Azurite
{
    public const string Variable = "PILGI_TEST_STORAGE";
    public const string AccountsVariable = "PILGI_TEST_STORAGE_ACCOUNTS";
    private const string DefaultAccount = "devstoreaccount1";

    private static int _next = -1;

    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } s ? s : null;

    public static string SkipReason =>
        $"Needs Azurite: {Variable} is not set (bash tests/run.sh starts Azurite and sets it; or start it yourself and set {Variable}).";

    /// <summary>A connection string to an account no other test uses, while there are such; else the default account.</summary>
    public static string TakeAccount()
    {
        var shared = ConnectionString ?? throw new InvalidOperationException(SkipReason);
        var names = (Environment.GetEnvironmentVariable(AccountsVariable) ?? "")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        int i = Interlocked.Increment(ref _next);
        return i < names.Length && shared.Contains(DefaultAccount, StringComparison.Ordinal)
            ? shared.Replace(DefaultAccount, names[i], StringComparison.Ordinal)
            : shared;
    }
}

/// <summary>A fact that is skipped, saying why, when Azurite is not there.</summary>
public sealed class AzuriteFactAttribute : FactAttribute
{
    public AzuriteFactAttribute()
    {
        if (Azurite.ConnectionString is null) Skip = Azurite.SkipReason;
    }
}
