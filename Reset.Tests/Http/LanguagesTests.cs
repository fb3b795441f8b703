using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Reset.Tests.Fixtures;

namespace Reset.Tests.Http;

/// <summary>
/// Answers in the language Accept-Language asks for (English, Ukrainian or Russian; English for
/// anything else), e-mails in the customer's stored locale, and codes that never change.
/// </summary>
public sealed class LanguagesTests(LanguagesTests.LanguagesApp app) : IClassFixture<LanguagesTests.LanguagesApp>
{
    /// <summary>One password evaluation per client and 21 minutes: a wait that reads "21 minutes", "21 хвилину", "21 минуту".</summary>
    public sealed class LanguagesApp : JourneyApp
    {
        public override async ValueTask InitializeAsync()
        {
            await base.InitializeAsync();
            Settings["RateLimits:EvaluatePerClient:Limit"] = "1";
            Settings["RateLimits:EvaluatePerClient:Window"] = "00:21:00";
        }
    }

    private const string NoSuchTicket = "/api/v1/password-resets/aaaaaaaaaaaaaaaaaaaaaaaaaa";

    [Theory]
    [InlineData("en", "The request is not valid.", "One or more fields break the rules; see errors.", "Type your e-mail address or member ID.")]
    [InlineData("uk", "Запит містить помилки.", "Одне чи кілька полів заповнено неправильно; подробиці в errors.", "Введіть свою електронну адресу або ID користувача.")]
    [InlineData("ru", "Запрос содержит ошибки.", "Одно или несколько полей заполнены неправильно; подробности в errors.", "Введите свой адрес электронной почты или ID пользователя.")]
    public async Task A_validation_failure_is_worded_in_the_requested_language_with_its_fields_and_code_unchanged(
        string language, string title, string detail, string loginError)
    {
        using var response = await Client(language).PostAsJsonAsync("/api/v1/password-resets",
            new { login = "", humanCheckToken = "t" }, TestContext.Current.CancellationToken);

        var problem = await ProblemInAsync(response, HttpStatusCode.BadRequest, language);
        problem.GetProperty("code").GetString().ShouldBe("validation_failed");
        problem.GetProperty("title").GetString().ShouldBe(title);
        problem.GetProperty("detail").GetString().ShouldBe(detail);
        problem.GetProperty("errors").GetProperty("login").EnumerateArray().Single().GetString().ShouldBe(loginError);
    }

    [Theory]
    [InlineData("en", "A message has at most 2000 characters.")]
    [InlineData("uk", "Повідомлення може містити не більше 2000 символів.")]
    [InlineData("ru", "Сообщение может содержать не более 2000 символов.")]
    public async Task A_length_rule_says_its_limit_in_the_right_plural_form(string language, string expected)
    {
        var ticketId = await app.StartTicketAsync($"nobody.{Guid.NewGuid():N}@example.com");

        using var response = await Client(language).PostAsJsonAsync($"/api/v1/password-resets/{ticketId}/support-requests",
            new { contactEmail = "me@example.net", message = new string('x', 2001) }, TestContext.Current.CancellationToken);

        var problem = await ProblemInAsync(response, HttpStatusCode.BadRequest, language);
        problem.GetProperty("errors").GetProperty("message").EnumerateArray().Single().GetString().ShouldBe(expected);
    }

    [Theory]
    [InlineData("en", "No such reset ticket.", "The ticket does not exist or has expired. Start a new password reset.")]
    [InlineData("uk", "Такого запиту на відновлення пароля немає.", "Такого запиту немає або його термін дії минув. Почніть відновлення пароля знову.")]
    [InlineData("ru", "Такого запроса на восстановление пароля нет.", "Такого запроса нет или срок его действия истёк. Начните восстановление пароля заново.")]
    public async Task Ticket_not_found_is_worded_in_the_requested_language(string language, string title, string detail)
    {
        using var response = await Client(language).GetAsync(new Uri(NoSuchTicket, UriKind.Relative), TestContext.Current.CancellationToken);

        var problem = await ProblemInAsync(response, HttpStatusCode.NotFound, language);
        problem.GetProperty("code").GetString().ShouldBe("ticket_not_found");
        problem.GetProperty("title").GetString().ShouldBe(title);
        problem.GetProperty("detail").GetString().ShouldBe(detail);
    }

    [Theory]
    [InlineData("en", "The code is wrong or has expired.", "Check the code in the latest e-mail, or ask for a new one. ",
        "You have 4 attempts left.", "You have 3 attempts left.", "You have 2 attempts left.", "You have 1 attempt left.")]
    [InlineData("uk", "Код неправильний або вже не діє.", "Перевірте код в останньому листі або запросіть новий. ",
        "Залишилося 4 спроби.", "Залишилося 3 спроби.", "Залишилося 2 спроби.", "Залишилася 1 спроба.")]
    [InlineData("ru", "Код неверный или уже не действует.", "Проверьте код в последнем письме или запросите новый. ",
        "Осталось 4 попытки.", "Осталось 3 попытки.", "Осталось 2 попытки.", "Осталась 1 попытка.")]
    public async Task A_wrong_code_says_how_many_attempts_are_left_in_the_plural_form_of_that_number(
        string language, string title, string advice, string four, string three, string two, string one)
    {
        var customer = await app.CreateCustomerAsync();
        var ticketId = await app.StartTicketAsync(customer.Email);
        (await app.SendCodeAsync(ticketId)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var wrong = WrongCode(await app.ReceiveCodeAsync(customer.Email));
        var client = Client(language);

        foreach (var (remaining, sentence) in new[] { (4, four), (3, three), (2, two), (1, one) })
        {
            using var response = await client.PostAsJsonAsync($"/api/v1/password-resets/{ticketId}/verification",
                new { code = wrong }, TestContext.Current.CancellationToken);

            var problem = await ProblemInAsync(response, HttpStatusCode.BadRequest, language);
            problem.GetProperty("code").GetString().ShouldBe("code_invalid");
            problem.GetProperty("attemptsRemaining").GetInt32().ShouldBe(remaining);
            problem.GetProperty("title").GetString().ShouldBe(title);
            problem.GetProperty("detail").GetString().ShouldBe(advice + sentence);
        }
    }

    [Theory]
    [InlineData("en", "Too many requests.", "Too many password evaluations from here. Try again in 21 minutes.")]
    [InlineData("uk", "Забагато запитів.", "Забагато перевірок пароля з вашої мережі. Спробуйте знову через 21 хвилину.")]
    [InlineData("ru", "Слишком много запросов.", "Слишком много проверок пароля из вашей сети. Попробуйте снова через 21 минуту.")]
    public async Task Rate_limited_says_the_wait_in_words_of_the_requested_language(string language, string title, string detail)
    {
        var client = Client(language);
        client.DefaultRequestHeaders.Add(ResetApp.PeerHeader, UniqueAddress());
        (await EvaluateAsync(client, "violet kettle drums at noon")).StatusCode.ShouldBe(HttpStatusCode.OK);

        using var response = await EvaluateAsync(client, "violet kettle drums at noon");

        var problem = await ProblemInAsync(response, HttpStatusCode.TooManyRequests, language);
        problem.GetProperty("code").GetString().ShouldBe("rate_limited");
        problem.GetProperty("title").GetString().ShouldBe(title);
        problem.GetProperty("detail").GetString().ShouldBe(detail);
        response.Headers.RetryAfter!.Delta!.Value.TotalSeconds.ShouldBeInRange(20 * 60 + 1, 21 * 60);
    }

    [Theory]
    [InlineData("en", "Not found.", "There is nothing at this address.")]
    [InlineData("uk", "Не знайдено.", "За цією адресою нічого немає.")]
    [InlineData("ru", "Не найдено.", "По этому адресу ничего нет.")]
    public async Task An_unknown_route_is_worded_through_the_same_catalog(string language, string title, string detail)
    {
        using var response = await Client(language).GetAsync(new Uri("/api/v1/no-such-thing", UriKind.Relative), TestContext.Current.CancellationToken);

        var problem = await ProblemInAsync(response, HttpStatusCode.NotFound, language);
        problem.GetProperty("code").GetString().ShouldBe("not_found");
        problem.GetProperty("title").GetString().ShouldBe(title);
        problem.GetProperty("detail").GetString().ShouldBe(detail);
    }

    [Theory]
    [InlineData("en", "This method is not allowed here.")]
    [InlineData("uk", "Цей метод тут не підтримується.")]
    [InlineData("ru", "Этот метод здесь не поддерживается.")]
    public async Task A_wrong_method_is_worded_through_the_same_catalog(string language, string title)
    {
        using var response = await Client(language).DeleteAsync(new Uri("/health/live", UriKind.Relative), TestContext.Current.CancellationToken);

        (await ProblemInAsync(response, HttpStatusCode.MethodNotAllowed, language)).GetProperty("title").GetString().ShouldBe(title);
    }

    [Theory]
    [InlineData("en", "too_short", "Use at least 12 characters. A few words that don't belong together make a long password that is easy to remember.")]
    [InlineData("uk", "too_short", "Використайте щонайменше 12 символів. Кілька слів, не пов’язаних між собою, утворюють довгий пароль, який легко запам’ятати.")]
    [InlineData("ru", "too_short", "Используйте не менее 12 символов. Несколько не связанных между собой слов дают длинный пароль, который легко запомнить.")]
    [InlineData("uk", "contains_shop_name", "Не використовуйте в паролі назву магазину (Example Shop).")]
    [InlineData("ru", "common_password", "Этот пароль есть в списке распространённых и утёкших паролей, которые злоумышленники пробуют первыми. Выберите другой.")]
    public async Task Violation_messages_are_in_the_requested_language_and_their_codes_are_not(string language, string code, string message)
    {
        var client = Client(language);
        client.DefaultRequestHeaders.Add(ResetApp.PeerHeader, UniqueAddress());

        using var response = await EvaluateAsync(client, code switch
        {
            "contains_shop_name" => "Example Shop violet kettle drums",
            "common_password" => "password",
            _ => "Kx9!vQ",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentLanguage.ShouldBe([language]);
        var violations = (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("violations");
        violations.EnumerateArray().Single(v => v.GetProperty("code").GetString() == code).GetProperty("message").GetString().ShouldBe(message);
    }

    [Theory]
    [InlineData("en", "Use 12 to 128 characters; spaces and any other characters are welcome.")]
    [InlineData("uk", "Використайте від 12 до 128 символів; можна вживати пробіли та будь-які інші знаки.")]
    [InlineData("ru", "Используйте от 12 до 128 символов; можно использовать пробелы и любые другие знаки.")]
    public async Task The_policys_advice_is_in_the_requested_language(string language, string opening)
    {
        using var response = await Client(language).GetAsync(new Uri("/api/v1/password-policy", UriKind.Relative), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentLanguage.ShouldBe([language]);
        (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken))
            .GetProperty("advice").GetString()!.ShouldStartWith(opening);
    }

    [Theory]
    [InlineData(null, "en")]
    [InlineData("de", "en")]
    [InlineData("de-DE, fr;q=0.9", "en")]
    [InlineData("*", "en")]
    [InlineData("uk;q=0", "en")]
    [InlineData(";;;, q=x, ==", "en")]
    [InlineData("uk-UA", "uk")]
    [InlineData("ru-RU", "ru")]
    [InlineData("UK", "uk")]
    [InlineData("de, ru;q=0.5", "ru")]
    [InlineData("en;q=0.5, ru;q=0.9", "ru")]
    [InlineData("fr, ru;q=0.8, uk-UA;q=0.9", "uk")]
    [InlineData("uk;q=0, ru;q=0.1", "ru")]
    [InlineData("ru;q=0.7, uk;q=0.7", "ru")]
    [InlineData("en-GB, uk;q=0.9", "en")]
    public async Task The_language_is_the_best_of_ours_by_q_value_and_English_otherwise(string? acceptLanguage, string expected)
    {
        var client = app.CreateClient();
        if (acceptLanguage is not null)
        {
            client.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Language", acceptLanguage).ShouldBeTrue();
        }

        using var response = await client.GetAsync(new Uri(NoSuchTicket, UriKind.Relative), TestContext.Current.CancellationToken);

        var problem = await ProblemInAsync(response, HttpStatusCode.NotFound, expected);
        problem.GetProperty("title").GetString().ShouldBe(expected switch
        {
            "uk" => "Такого запиту на відновлення пароля немає.",
            "ru" => "Такого запроса на восстановление пароля нет.",
            _ => "No such reset ticket.",
        });
    }

    [Fact]
    public async Task The_internal_api_answers_in_English_whatever_is_asked()
    {
        using var response = await Client("uk").GetAsync(new Uri($"/internal/v1/users/{Guid.NewGuid()}", UriKind.Relative), TestContext.Current.CancellationToken);

        var problem = await ProblemInAsync(response, HttpStatusCode.Unauthorized, "en");
        problem.GetProperty("code").GetString().ShouldBe("api_key_missing");
    }

    [Theory]
    [InlineData("en", "Your Example Shop password reset code", "Type it on the password reset page within 10 minutes. It works once.")]
    [InlineData("uk", "Ваш код для відновлення пароля в Example Shop", "Введіть його на сторінці відновлення пароля. Код діє 10 хвилин і лише один раз.")]
    [InlineData("ru", "Ваш код для восстановления пароля в Example Shop", "Введите его на странице восстановления пароля. Код действует 10 минут и только один раз.")]
    public async Task The_code_email_is_in_the_customers_stored_language_whatever_the_request_says(string locale, string subject, string use)
    {
        var customer = await app.CreateCustomerAsync(locale: locale);
        // The client asks for another language than the customer's: the e-mail follows the customer.
        var client = Client(locale == "ru" ? "uk" : "ru");
        var ticketId = await StartTicketAsync(client, customer.Email);

        (await client.PostAsJsonAsync($"/api/v1/password-resets/{ticketId}/codes", new { method = "email" }, TestContext.Current.CancellationToken))
            .StatusCode.ShouldBe(HttpStatusCode.Accepted);

        var email = await app.Smtp.WaitForAsync(customer.Email);
        email.Subject.ShouldBe(subject);
        email.TextBody.ShouldNotBeNull().ShouldContain(use);
        email.HtmlBody.ShouldNotBeNull().ShouldContain(System.Net.WebUtility.HtmlEncode(use));
        email.HtmlBody.ShouldContain($"<html lang=\"{locale}\">");
    }

    [Theory]
    [InlineData("en", "Your Example Shop password was changed", "If that was you, there is nothing more to do.")]
    [InlineData("uk", "Ваш пароль у Example Shop змінено", "Якщо це були ви, більше нічого робити не треба.")]
    [InlineData("ru", "Ваш пароль в Example Shop изменён", "Если это были вы, больше ничего делать не нужно.")]
    [InlineData("uk-UA", "Ваш пароль у Example Shop змінено", "Якщо це були ви, більше нічого робити не треба.")]
    [InlineData("de", "Your Example Shop password was changed", "If that was you, there is nothing more to do.")]
    public async Task The_password_changed_email_is_in_the_customers_stored_language(string locale, string subject, string sentence)
    {
        var customer = await app.CreateCustomerAsync(locale: locale);
        var (ticketId, token) = await app.VerifiedTicketAsync(customer);

        (await app.SetPasswordAsync(ticketId, token, "violet kettle drums at noon")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var notice = await app.Smtp.WaitForAsync(customer.Email, 2);
        notice.Subject.ShouldBe(subject);
        notice.TextBody.ShouldNotBeNull().ShouldContain(sentence);
        notice.HtmlBody.ShouldNotBeNull().ShouldContain(sentence);
    }

    [Theory]
    [InlineData("en", "We received your request ", "A member of our support team will contact you at this address.")]
    [InlineData("uk", "Ми отримали ваше звернення ", "Працівник служби підтримки зв’яжеться з вами за цією адресою.")]
    [InlineData("ru", "Мы получили ваше обращение ", "Сотрудник службы поддержки свяжется с вами по этому адресу.")]
    public async Task The_support_acknowledgement_is_in_the_requesters_language_for_a_customer_and_a_decoy_alike(
        string language, string subject, string sentence)
    {
        // The customer's stored locale differs from the request's; an acknowledgement in it would
        // tell whoever typed the contact address that the login is a customer's.
        var customer = await app.CreateCustomerAsync(locale: language == "uk" ? "ru" : "uk");
        var client = Client(language);
        var texts = new List<string>();
        foreach (var login in new[] { customer.Email, $"nobody.{Guid.NewGuid():N}@example.com" })
        {
            var ticketId = await StartTicketAsync(client, login);
            var contact = $"contact.{Guid.NewGuid():N}@example.net";
            using var response = await client.PostAsJsonAsync($"/api/v1/password-resets/{ticketId}/support-requests",
                new { contactEmail = contact, message = "I lost my mailbox." }, TestContext.Current.CancellationToken);
            response.StatusCode.ShouldBe(HttpStatusCode.Created);
            var reference = (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("reference").GetString();

            var acknowledgement = await app.Smtp.WaitForAsync(contact);
            acknowledgement.Subject.ShouldBe(subject + reference);
            acknowledgement.TextBody.ShouldNotBeNull().ShouldContain(sentence);
            texts.Add(acknowledgement.TextBody.Replace(reference!, "SR-…", StringComparison.Ordinal));
        }

        texts[1].ShouldBe(texts[0]);
    }

    private HttpClient Client(string language)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("Accept-Language", language);
        return client;
    }

    private static async Task<JsonElement> ProblemInAsync(HttpResponseMessage response, HttpStatusCode status, string language)
    {
        var problem = await ProblemDetailsTests.ShouldBeProblemAsync(response, status);
        response.Content.Headers.ContentLanguage.ShouldBe([language]);
        response.Headers.Vary.ShouldContain("Accept-Language");
        return problem;
    }

    private static async Task<string> StartTicketAsync(HttpClient client, string login)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/password-resets", new { login, humanCheckToken = "t" });
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ticketId").GetString()!;
    }

    private static Task<HttpResponseMessage> EvaluateAsync(HttpClient client, string password) =>
        client.PostAsJsonAsync("/api/v1/password-policy/evaluations", new { password }, TestContext.Current.CancellationToken);

    /// <summary>Six digits that are not the code.</summary>
    private static string WrongCode(string code) =>
        ((int.Parse(code, System.Globalization.CultureInfo.InvariantCulture) + 1) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    // Counters outlive a test run in the test Redis, so each run starts from a random place.
    private static int _next = Random.Shared.Next(0, 16_000_000);

    /// <summary>A 10.x address no other test (and no earlier run, likely) used.</summary>
    private static string UniqueAddress()
    {
        var n = Interlocked.Increment(ref _next);
        return new IPAddress([10, (byte)(n >> 16 & 0x7F), (byte)(n >> 8), (byte)n]).ToString();
    }
}
