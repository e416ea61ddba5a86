namespace Jiju.Tests;

/// <summary>
/// The PostgreSQL server tests may use: the admin connection string in JIJU_TEST_POSTGRES. Without it a test is skipped,
/// unless JIJU_REQUIRE_POSTGRES=1 (as in CI), where it fails.
/// </summary>
internal static class TestPostgres
{
    public static string AdminConnectionOrSkip()
    {
        var admin = Environment.GetEnvironmentVariable("JIJU_TEST_POSTGRES");
        if (string.IsNullOrWhiteSpace(admin))
        {
            if (Environment.GetEnvironmentVariable("JIJU_REQUIRE_POSTGRES") == "1")
            {
                throw new InvalidOperationException("JIJU_REQUIRE_POSTGRES=1 但未设置 JIJU_TEST_POSTGRES");
            }

            Assert.Skip("PostgreSQL not configured (set JIJU_TEST_POSTGRES to an admin connection string)");
        }

        return admin;
    }
}
