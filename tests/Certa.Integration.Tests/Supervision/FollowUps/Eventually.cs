namespace Certa.Integration.Tests.Supervision.FollowUps;

/// <summary>Waits for what a background job does, asking again every 100 ms, for at most 30 seconds.</summary>
internal static class Eventually
{
    public static async Task<bool> Async(Func<Task<bool>> condition, TimeSpan? within = null)
    {
        var until = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(30));
        while (DateTime.UtcNow < until)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(100);
        }

        return await condition();
    }
}
