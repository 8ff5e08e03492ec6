namespace LeicsPerformance.Web.Tests.Infrastructure;

/// <summary>
/// For what another process's commit makes true only once its notification arrives (a few milliseconds later): asks
/// again until the answer is the one expected or <see cref="Within"/> has passed, and returns the last answer, which
/// the test then asserts on.
/// </summary>
public static class Soon
{
    public static readonly TimeSpan Within = TimeSpan.FromSeconds(10);

    public static async Task<T> AnswerAsync<T>(Func<Task<T>> ask, T expected)
    {
        var deadline = DateTime.UtcNow + Within;
        while (true)
        {
            var answer = await ask();
            if (EqualityComparer<T>.Default.Equals(answer, expected) || DateTime.UtcNow > deadline)
            {
                return answer;
            }

            await Task.Delay(20);
        }
    }

    public static Task<bool> TrueAsync(Func<bool> condition) => AnswerAsync(() => Task.FromResult(condition()), true);
}
