using DemoApp.Page;

namespace DemoApp.Tests;

public sealed class HomePageTests
{
    [Fact]
    public void Has_the_title_heading_notes_list_and_release_footer()
    {
        var html = HomePage.Render("r42", "3f2a9c1");

        Assert.Contains("<title>Mantis Notes</title>", html);
        Assert.Contains("<h1>Mantis Notes</h1>", html);
        Assert.Contains("<ul id=\"notes\"", html);
        Assert.Contains("<footer id=\"version\">Release r42 · version 3f2a9c1</footer>", html);
        Assert.Contains("fetch('/api/notes'", html);
        Assert.Contains("error.id = 'error'", html);
    }

    [Fact]
    public void Encodes_a_release_name_that_looks_like_markup()
    {
        var html = HomePage.Render("<b>r1</b>", "dev");

        Assert.DoesNotContain("<b>r1</b>", html);
        Assert.Contains("&lt;b&gt;r1&lt;/b&gt;", html);
    }
}
