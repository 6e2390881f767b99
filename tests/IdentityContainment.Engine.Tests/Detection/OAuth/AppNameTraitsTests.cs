using IdentityContainment.Detection.OAuth;

namespace IdentityContainment.Engine.Tests.Detection.OAuth;

public sealed class AppNameTraitsTests
{
    [Theory]
    [InlineData("Microsoft Security", "microsoft")]
    [InlineData("MICROSOFT-365 sync", "microsoft")]
    [InlineData("Mіcrosoft Аuth", "microsoft")]                 // Cyrillic і and А
    [InlineData("Ｏｕｔｌｏｏｋ Backup", "outlook")]               // full-width letters
    [InlineData("0utl00k Mail", "outlook")]                    // zeros for o
    [InlineData("One\u200BDrive Sync", "onedrive")]            // zero-width space
    [InlineData("O.f.f.i.c.e 365", "office365")]
    [InlineData("Contoso Mail Archive", null)]
    [InlineData("Teamwork Planner", null)]                     // a common word that starts like a product is not one
    [InlineData("Steam Sync", null)]                           // "teams" inside another word
    [InlineData("Abnormal Security", null)]                    // a security vendor's plain name
    [InlineData("Teams Meeting Helper", "teams")]
    [InlineData("0ffice Mail Sync", "office")]                 // a zero for the O, as its own word
    public void A_name_that_borrows_a_Microsoft_word_is_seen_through_case_punctuation_and_look_alikes(string name, string? word)
    {
        Assert.Equal(word, AppNameTraits.ImitatedMicrosoftWord(name));
    }

    [Theory]
    [InlineData("", true)]
    [InlineData("- _ .", true)]
    [InlineData("TEST", true)]
    [InlineData("app 2", true)]
    [InlineData("adele", true)]
    [InlineData("Adele Vance", true)]
    [InlineData("Testimonials", false)]
    [InlineData("Contoso Expenses", false)]
    public void A_name_that_says_nothing_or_copies_a_user_is_meaningless(string name, bool meaningless)
    {
        string? why = AppNameTraits.MeaninglessBecause(name, new[] { "adele@contoso.com", "Adele Vance" });

        Assert.Equal(meaningless, why is not null);
    }
}
