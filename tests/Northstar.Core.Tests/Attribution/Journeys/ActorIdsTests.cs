using Northstar.Core.Attribution.Journeys;

namespace Northstar.Core.Tests.Attribution.Journeys;

public sealed class ActorIdsTests
{
    [Fact]
    public void InIdOrder_HandPickedIds_OrdinalWithTheContactFirst()
    {
        // Short and long ids, shared eight-character prefixes, a NUL, non-ASCII (é U+00E9, U+E000, and
        // U+1F600 as a surrogate pair, which ordinal order puts before U+E000), the same id as both kinds.
        string[] ids = ["b", "a\u0000", "a", "abcdefgh2", "abcdefgh1", "abcdefgh", "\u00e9", "\ue000", "\U0001F600", "c7", "c7", "Z", ""];
        bool[] isContact = [true, false, true, false, true, true, false, true, false, false, true, true, false];
        var actors = new ActorIds(ids, isContact);

        var order = actors.InIdOrder();

        // By hand: "", "Z", "a", "a\0", "abcdefgh", "abcdefgh1", "abcdefgh2", "b", "c7" (contact 10, then 9), "é", U+1F600, U+E000.
        Assert.Equal([12, 11, 2, 1, 5, 4, 3, 0, 10, 9, 6, 8, 7], order);
    }

    [Fact]
    public void InIdOrder_RandomIds_EqualsAnOrdinalSort()
    {
        var random = new Random(5);
        const string letters = "ab0\u0000\u00e9\ue000\ud83d\ude00";
        var ids = new string[5000];
        var isContact = new bool[ids.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = new string([.. Enumerable.Range(0, random.Next(0, 12)).Select(_ => letters[random.Next(letters.Length)])]);
            isContact[i] = random.Next(2) == 0;
        }

        var expected = Enumerable.Range(0, ids.Length)
            .OrderBy(i => ids[i], StringComparer.Ordinal).ThenBy(i => isContact[i] ? 0 : 1).ThenBy(i => i).ToArray();

        var order = new ActorIds(ids, isContact).InIdOrder();

        // Equal ids of one kind may come in either order: compare the ids and kinds in order.
        Assert.Equal(expected.Select(i => (ids[i], isContact[i])), order.Select(i => (ids[i], isContact[i])));
    }
}
