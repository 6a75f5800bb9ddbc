using Northstar.Core.Attribution.Journeys;
using Northstar.Core.Metrics.Views;

namespace Northstar.Core.Tests.Attribution.Journeys;

public sealed class LinkedIdsTests
{
    [Fact]
    public void TryGetContact_ThousandsOfIds_FindsExactlyTheLinkedOnes()
    {
        var at = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var links = Enumerable.Range(0, 3000).Select(i => new IdentityLink($"a{i * 7}", $"c{i}", at)).ToList();
        var linked = new LinkedIds(links);

        for (var n = 0; n < 3000 * 7; n++)
        {
            var found = linked.TryGetContact($"a{n}", out var contact);

            // By construction: a{n} is linked exactly when n is a multiple of 7, to c{n / 7}.
            Assert.Equal(n % 7 == 0, found);
            Assert.Equal(n % 7 == 0 ? $"c{n / 7}" : null, contact);
        }

        Assert.False(linked.TryGetContact("", out _));
    }
}
