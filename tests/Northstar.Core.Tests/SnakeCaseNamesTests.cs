using Northstar.Core.Facts;

namespace Northstar.Core.Tests;

public class SnakeCaseNamesTests
{
    [Fact]
    public void Name_PascalCaseValue_IsSnakeCase()
    {
        Assert.Equal("session_start", SnakeCaseNames<EventType>.Name(EventType.SessionStart));
        Assert.Equal("mql", SnakeCaseNames<Stage>.Name(Stage.Mql));
    }

    [Theory]
    [InlineData("form_submit", EventType.FormSubmit)]
    [InlineData("FORM_SUBMIT", EventType.FormSubmit)]
    [InlineData(" ad_click ", EventType.AdClick)]
    public void TryParse_KnownName_Parses(string text, EventType expected)
    {
        Assert.True(SnakeCaseNames<EventType>.TryParse(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("3")]
    [InlineData("formsubmit")]
    [InlineData("")]
    public void TryParse_UnknownName_Fails(string text) =>
        Assert.False(SnakeCaseNames<EventType>.TryParse(text, out _));
}
