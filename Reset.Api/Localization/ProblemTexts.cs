using Reset.Api.Problems;
using Reset.Infrastructure.Localization;

namespace Reset.Api.Localization;

/// <summary>
/// The words of every problem answer: one title per <c>code</c> (RFC 9457: a title names the kind of
/// problem, not the occurrence), and the details the endpoints give. Details of rate-limited answers
/// may say <c>{wait}</c>: <see cref="Problem.RateLimited(HttpContext, TimeSpan, Text)"/> fills it from Retry-After.
/// </summary>
internal static class ProblemTexts
{
    public static readonly IReadOnlyDictionary<string, Text> Titles = new Dictionary<string, Text>
    {
        [ProblemCodes.ValidationFailed] = new(
            en: "The request is not valid.",
            uk: "Запит містить помилки.",
            ru: "Запрос содержит ошибки."),
        [ProblemCodes.MalformedRequest] = new(
            en: "The request body could not be read.",
            uk: "Не вдалося прочитати тіло запиту.",
            ru: "Не удалось прочитать тело запроса."),
        [ProblemCodes.HumanCheckFailed] = new(
            en: "The human check did not pass.",
            uk: "Перевірку, що ви не робот, не пройдено.",
            ru: "Проверка, что вы не робот, не пройдена."),
        [ProblemCodes.CodeInvalid] = new(
            en: "The code is wrong or has expired.",
            uk: "Код неправильний або вже не діє.",
            ru: "Код неверный или уже не действует."),
        [ProblemCodes.PasswordRejected] = new(
            en: "The new password is not allowed.",
            uk: "Цей новий пароль не підходить.",
            ru: "Этот новый пароль не подходит."),
        [ProblemCodes.PasswordsMismatch] = new(
            en: "The passwords do not match.",
            uk: "Паролі не збігаються.",
            ru: "Пароли не совпадают."),
        [ProblemCodes.ResetTokenInvalid] = new(
            en: "The reset token is not valid.",
            uk: "Токен для зміни пароля недійсний.",
            ru: "Токен для смены пароля недействителен."),
        [ProblemCodes.TicketNotFound] = new(
            en: "No such reset ticket.",
            uk: "Такого запиту на відновлення пароля немає.",
            ru: "Такого запроса на восстановление пароля нет."),
        [ProblemCodes.TicketState] = new(
            en: "This step does not fit the ticket's state.",
            uk: "Цей крок зараз не можна виконати.",
            ru: "Этот шаг сейчас нельзя выполнить."),
        [ProblemCodes.TicketLocked] = new(
            en: "This reset ticket is locked.",
            uk: "Цей запит на відновлення пароля заблоковано.",
            ru: "Этот запрос на восстановление пароля заблокирован."),
        [ProblemCodes.RateLimited] = new(
            en: "Too many requests.",
            uk: "Забагато запитів.",
            ru: "Слишком много запросов."),
        [ProblemCodes.DependencyUnavailable] = new(
            en: "A service this one depends on is unavailable.",
            uk: "Одна зі служб, потрібних для роботи, тимчасово недоступна.",
            ru: "Одна из служб, нужных для работы, временно недоступна."),
        [ProblemCodes.IdempotencyKeyReused] = new(
            en: "This Idempotency-Key was used for another request.",
            uk: "Цей Idempotency-Key уже використано для іншого запиту.",
            ru: "Этот Idempotency-Key уже использован для другого запроса."),
        [ProblemCodes.IdempotencyInProgress] = new(
            en: "The first request with this Idempotency-Key is still running.",
            uk: "Перший запит із цим Idempotency-Key ще виконується.",
            ru: "Первый запрос с этим Idempotency-Key ещё выполняется."),
        [ProblemCodes.NotFound] = new(
            en: "Not found.",
            uk: "Не знайдено.",
            ru: "Не найдено."),
        [ProblemCodes.MethodNotAllowed] = new(
            en: "This method is not allowed here.",
            uk: "Цей метод тут не підтримується.",
            ru: "Этот метод здесь не поддерживается."),
        [ProblemCodes.UnsupportedMediaType] = new(
            en: "The request body is not JSON.",
            uk: "Тіло запиту не у форматі JSON.",
            ru: "Тело запроса не в формате JSON."),
        [ProblemCodes.PayloadTooLarge] = new(
            en: "The request body is too large.",
            uk: "Тіло запиту завелике.",
            ru: "Тело запроса слишком большое."),
        [ProblemCodes.InternalError] = new(
            en: "Something went wrong on our side.",
            uk: "У нас щось пішло не так.",
            ru: "У нас что-то пошло не так."),
    };

    /// <summary>For a status no code of ours names (ProblemCodes.ForStatus gives it "http_NNN").</summary>
    public static readonly Text OtherTitle = new(
        en: "The request could not be completed.",
        uk: "Не вдалося виконати запит.",
        ru: "Не удалось выполнить запрос.");

    public static Text TitleFor(string code) => Titles.GetValueOrDefault(code) ?? OtherTitle;

    // Answers the HTTP layer gives before any endpoint runs.

    public static readonly Text FieldsBreakRules = new(
        en: "One or more fields break the rules; see errors.",
        uk: "Одне чи кілька полів заповнено неправильно; подробиці в errors.",
        ru: "Одно или несколько полей заполнены неправильно; подробности в errors.");

    public static readonly Text SendDocumentedJson = new(
        en: "Send a JSON object with the fields this endpoint documents.",
        uk: "Надішліть JSON-об’єкт із полями, описаними в документації до цього запиту.",
        ru: "Отправьте JSON-объект с полями, описанными в документации к этому запросу.");

    public static readonly Text NotJsonOfTheShape = new(
        en: "This is not valid JSON of the expected shape.",
        uk: "Це не JSON очікуваної структури.",
        ru: "Это не JSON ожидаемой структуры.");

    public static readonly Text NothingHere = new(
        en: "There is nothing at this address.",
        uk: "За цією адресою нічого немає.",
        ru: "По этому адресу ничего нет.");

    public static readonly Text MethodNotTaken = new(
        en: "This address does not take this HTTP method.",
        uk: "Ця адреса не приймає такий HTTP-метод.",
        ru: "Этот адрес не принимает такой HTTP-метод.");

    public static readonly Text TryAgainShortly = new(
        en: "The request could not be completed. Try again in a few seconds.",
        uk: "Не вдалося виконати запит. Спробуйте ще раз за кілька секунд.",
        ru: "Не удалось выполнить запрос. Попробуйте ещё раз через несколько секунд.");

    public static readonly Text CouldNotComplete = new(
        en: "The service could not complete the request. Try again; if it keeps failing, contact support.",
        uk: "Сервіс не зміг виконати запит. Спробуйте ще раз; якщо помилка повторюється, зверніться до служби підтримки.",
        ru: "Сервис не смог выполнить запрос. Попробуйте ещё раз; если ошибка повторяется, обратитесь в службу поддержки.");

    public static readonly Text BodyTooLarge = new(
        en: "Request bodies are at most {size} KiB.",
        uk: "Тіло запиту — не більше {size} КіБ.",
        ru: "Тело запроса — не более {size} КиБ.");

    public static readonly Text SendJson = new(
        en: "Send the body as application/json.",
        uk: "Надішліть тіло запиту як application/json.",
        ru: "Отправьте тело запроса как application/json.");

    public static readonly Text IdempotencyKeyShape = new(
        en: "{header} must be 1 to {max} visible ASCII characters, such as a UUID.",
        uk: "{header} має складатися з 1–{max} видимих символів ASCII, наприклад бути UUID.",
        ru: "{header} должен состоять из 1–{max} видимых символов ASCII, например быть UUID.");

    public static readonly Text IdempotencyKeyField = new(
        en: "1 to {max} visible ASCII characters.",
        uk: "Від 1 до {max} видимих символів ASCII.",
        ru: "От 1 до {max} видимых символов ASCII.");

    public static readonly Text NewKeyForNewRequest = new(
        en: "Use a new Idempotency-Key for a new request; reuse a key only to retry the very same request.",
        uk: "Для нового запиту використовуйте новий Idempotency-Key; повторно використовуйте ключ лише для повтору того самого запиту.",
        ru: "Для нового запроса используйте новый Idempotency-Key; повторно используйте ключ только для повтора того же самого запроса.");

    public static readonly Text RetryForItsAnswer = new(
        en: "Retry in a moment to get its answer.",
        uk: "Повторіть запит трохи згодом, щоб отримати відповідь.",
        ru: "Повторите запрос чуть позже, чтобы получить ответ.");

    // Operations and the human check.

    public static readonly Text NoAnswerFrom = new(
        en: "No answer from: {dependencies}.",
        uk: "Немає відповіді від: {dependencies}.",
        ru: "Нет ответа от: {dependencies}.");

    public static readonly Text NoAltchaHere = new(
        en: "The human check in use is {provider}, not altcha.",
        uk: "Зараз використовується перевірка {provider}, а не altcha.",
        ru: "Сейчас используется проверка {provider}, а не altcha.");

    public static readonly Text TooManyChallenges = new(
        en: "Too many challenges from here. Try again in {wait}.",
        uk: "Забагато завдань перевірки з вашої мережі. Спробуйте знову через {wait}.",
        ru: "Слишком много заданий проверки из вашей сети. Попробуйте снова через {wait}.");

    public static readonly Text TooManyEvaluations = new(
        en: "Too many password evaluations from here. Try again in {wait}.",
        uk: "Забагато перевірок пароля з вашої мережі. Спробуйте знову через {wait}.",
        ru: "Слишком много проверок пароля из вашей сети. Попробуйте снова через {wait}.");

    // The reset journey.

    public static readonly Text TicketNotFound = new(
        en: "The ticket does not exist or has expired. Start a new password reset.",
        uk: "Такого запиту немає або його термін дії минув. Почніть відновлення пароля знову.",
        ru: "Такого запроса нет или срок его действия истёк. Начните восстановление пароля заново.");

    public static readonly Text TicketLocked = new(
        en: "Too many wrong codes were entered. Start a new password reset, or ask customer support.",
        uk: "Введено забагато неправильних кодів. Почніть відновлення пароля знову або зверніться до служби підтримки.",
        ru: "Введено слишком много неверных кодов. Начните восстановление пароля заново или обратитесь в службу поддержки.");

    public static readonly Text HumanCheckAgain = new(
        en: "Complete the human check again and send its new token as humanCheckToken.",
        uk: "Пройдіть перевірку ще раз і надішліть її новий токен у полі humanCheckToken.",
        ru: "Пройдите проверку ещё раз и отправьте её новый токен в поле humanCheckToken.");

    public static readonly Text TooManyResets = new(
        en: "Too many password resets were started. Try again in {wait}.",
        uk: "Розпочато забагато відновлень пароля. Спробуйте знову через {wait}.",
        ru: "Начато слишком много восстановлений пароля. Попробуйте снова через {wait}.");

    public static readonly Text TooManyCodes = new(
        en: "Too many codes were asked for. Try again in {wait}.",
        uk: "Запитано забагато кодів. Спробуйте знову через {wait}.",
        ru: "Запрошено слишком много кодов. Попробуйте снова через {wait}.");

    public static readonly Text CodeJustSent = new(
        en: "A code was sent a moment ago. Check your inbox and spam folder, or ask again in {wait}.",
        uk: "Код щойно надіслано. Перевірте папки «Вхідні» та «Спам» або запитайте новий через {wait}.",
        ru: "Код только что отправлен. Проверьте папки «Входящие» и «Спам» или запросите новый через {wait}.");

    public static readonly Text NoCodesLeft = new(
        en: "This ticket has sent all its codes. Start a new password reset, or ask customer support.",
        uk: "За цим запитом уже надіслано всі коди. Почніть відновлення пароля знову або зверніться до служби підтримки.",
        ru: "По этому запросу уже отправлены все коды. Начните восстановление пароля заново или обратитесь в службу поддержки.");

    public static readonly Text AlreadyVerifiedSetPassword = new(
        en: "The code of this ticket was already verified. Set the new password with the reset token.",
        uk: "Код цього запиту вже підтверджено. Встановіть новий пароль за допомогою токена.",
        ru: "Код этого запроса уже подтверждён. Установите новый пароль с помощью токена.");

    public static readonly Text TooManyCodesTried = new(
        en: "Too many codes were tried from here. Try again in {wait}.",
        uk: "З вашої мережі введено забагато кодів. Спробуйте знову через {wait}.",
        ru: "Из вашей сети введено слишком много кодов. Попробуйте снова через {wait}.");

    public static readonly Text NoCodeSentYet = new(
        en: "No code was sent on this ticket yet. Ask for a code first.",
        uk: "За цим запитом ще не надіслано жодного коду. Спочатку запросіть код.",
        ru: "По этому запросу ещё не отправлено ни одного кода. Сначала запросите код.");

    public static readonly Text AlreadyVerified = new(
        en: "The code of this ticket was already verified.",
        uk: "Код цього запиту вже підтверджено.",
        ru: "Код этого запроса уже подтверждён.");

    public static readonly Text CheckTheLatestCode = new(
        en: "Check the code in the latest e-mail, or ask for a new one. {attempts}",
        uk: "Перевірте код в останньому листі або запросіть новий. {attempts}",
        ru: "Проверьте код в последнем письме или запросите новый. {attempts}");

    public static readonly Plural AttemptsLeft = new(
        en: ["You have {n} attempt left.", "You have {n} attempts left."],
        uk: ["Залишилася {n} спроба.", "Залишилося {n} спроби.", "Залишилося {n} спроб."],
        ru: ["Осталась {n} попытка.", "Осталось {n} попытки.", "Осталось {n} попыток."]);

    public static readonly Text LastAttemptUsed = new(
        en: "That was the last attempt: this ticket is locked. Start a new password reset, or ask customer support.",
        uk: "Це була остання спроба: запит заблоковано. Почніть відновлення пароля знову або зверніться до служби підтримки.",
        ru: "Это была последняя попытка: запрос заблокирован. Начните восстановление пароля заново или обратитесь в службу поддержки.");

    public static readonly Text TooManyAttempts = new(
        en: "Too many attempts from here. Try again in {wait}.",
        uk: "Забагато спроб із вашої мережі. Спробуйте знову через {wait}.",
        ru: "Слишком много попыток из вашей сети. Попробуйте снова через {wait}.");

    public static readonly Text VerifyFirst = new(
        en: "Verify the e-mailed code first; its answer holds the reset token.",
        uk: "Спочатку підтвердьте код із листа: у відповіді буде токен для зміни пароля.",
        ru: "Сначала подтвердите код из письма: в ответе будет токен для смены пароля.");

    public static readonly Text TypeTheSamePassword = new(
        en: "Type the same new password in both fields.",
        uk: "Введіть той самий новий пароль в обидва поля.",
        ru: "Введите один и тот же новый пароль в оба поля.");

    public static readonly Text AccountNotResettable = new(
        en: "This account cannot be reset here any more. Ask customer support.",
        uk: "Пароль цього облікового запису тут більше не можна відновити. Зверніться до служби підтримки.",
        ru: "Пароль этой учётной записи здесь больше нельзя восстановить. Обратитесь в службу поддержки.");

    public static readonly Text ChangedSinceStart = new(
        en: "The password was changed since this reset started. Sign in with it, or start a new reset.",
        uk: "Пароль змінився після початку цього відновлення. Увійдіть із ним або почніть відновлення знову.",
        ru: "Пароль изменился после начала этого восстановления. Войдите с ним или начните восстановление заново.");

    public static readonly Text ChooseAnotherPassword = new(
        en: "Choose another password; violations says why.",
        uk: "Виберіть інший пароль; причини — у violations.",
        ru: "Выберите другой пароль; причины — в violations.");

    public static readonly Text TokenNotValid = new(
        en: "It is wrong, expired or already used. Verify a new code to get a new token.",
        uk: "Токен неправильний, прострочений або вже використаний. Підтвердьте новий код, щоб отримати новий токен.",
        ru: "Токен неверный, просрочен или уже использован. Подтвердите новый код, чтобы получить новый токен.");

    public static readonly Text TooManySupportRequests = new(
        en: "Too many support requests. Try again in {wait}.",
        uk: "Забагато звернень до служби підтримки. Спробуйте знову через {wait}.",
        ru: "Слишком много обращений в службу поддержки. Попробуйте снова через {wait}.");

    public static readonly Text SupportAlreadyRequested = new(
        en: "A support request was already sent for this ticket. Support will answer at the contact address it gave.",
        uk: "За цим запитом уже надіслано звернення до служби підтримки. Служба відповість на вказану в ньому адресу.",
        ru: "По этому запросу уже отправлено обращение в службу поддержки. Служба ответит на указанный в нём адрес.");

    public static readonly Text SupportNeedsOpenTicket = new(
        en: "This ticket can no longer take a support request. Start a new password reset and ask from there.",
        uk: "Цей запит більше не приймає звернень до служби підтримки. Почніть відновлення пароля знову й зверніться звідти.",
        ru: "Этот запрос больше не принимает обращений в службу поддержки. Начните восстановление пароля заново и обратитесь оттуда.");
}
