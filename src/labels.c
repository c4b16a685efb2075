/* labels.c - the words mkbook writes itself, in the book's language.
 *
 * One table per language, indexed by enum label_id, plus the language-tag
 * matching, right-to-left detection and date formatting that go with them.
 * All strings are UTF-8. */
#include "labels.h"

#include <stddef.h>
#include <string.h>

#include "lang.h"
#include "util.h"

enum lang {
	LANG_EN,
	LANG_DE,
	LANG_FR,
	LANG_ES,
	LANG_IT,
	LANG_PT,
	LANG_NL,
	LANG_PL,
	LANG_RU,
	LANG_UK,
	LANG_AR,
	LANG_HE,
	LANG_JA,
	LANG_ZH_HANS,
	LANG_ZH_HANT,
	LANG_KO,
	LANG_COUNT,
	LANG_NONE = -1
};

static const char *const keys[LABEL_COUNT] = {
	[LABEL_CONTENTS] = "contents",
	[LABEL_LANDMARKS] = "landmarks",
	[LABEL_COVER] = "cover",
	[LABEL_TITLE_PAGE] = "title-page",
	[LABEL_START] = "start",
	[LABEL_COLOPHON] = "colophon",
	[LABEL_QA] = "reader-qa",
	[LABEL_RELATED] = "related-posts",
	[LABEL_ABOUT_AUTHOR] = "about-the-author",
	[LABEL_ASKED] = "asked",
	[LABEL_REPLIED] = "replied",
	[LABEL_ANSWERED_BY_AUTHOR] = "answered-by-the-author",
	[LABEL_AUTHOR_ANSWER] = "authors-answer",
	[LABEL_REPLIES] = "replies",
	[LABEL_FOOTNOTES] = "notes",
	[LABEL_BACK_TO_TEXT] = "back-to-text",
	[LABEL_BY] = "by",
	[LABEL_PUBLISHED] = "published",
	[LABEL_MODIFIED] = "modified",
	[LABEL_PUBLISHER] = "publisher",
	[LABEL_IDENTIFIER] = "identifier",
	[LABEL_SOURCE] = "source",
	[LABEL_RIGHTS] = "rights",
	[LABEL_MADE_WITH] = "made-with",
	[LABEL_READ_ORIGINAL] = "read-original",
	[LABEL_AUDIO] = "audio",
	[LABEL_VIDEO] = "video",
};

static const char *const tables[LANG_COUNT][LABEL_COUNT] = {
	[LANG_EN] = {
		[LABEL_CONTENTS] = "Contents",
		[LABEL_LANDMARKS] = "Landmarks",
		[LABEL_COVER] = "Cover",
		[LABEL_TITLE_PAGE] = "Title page",
		[LABEL_START] = "Start of content",
		[LABEL_COLOPHON] = "Colophon",
		[LABEL_QA] = "Reader Q&A",
		[LABEL_RELATED] = "Related posts",
		[LABEL_ABOUT_AUTHOR] = "About the author",
		[LABEL_ASKED] = "asked",
		[LABEL_REPLIED] = "replied",
		[LABEL_ANSWERED_BY_AUTHOR] = "Answered by the author",
		[LABEL_AUTHOR_ANSWER] = "The author’s answer",
		[LABEL_REPLIES] = "Replies",
		[LABEL_FOOTNOTES] = "Notes",
		[LABEL_BACK_TO_TEXT] = "Back to text",
		[LABEL_BY] = "by",
		[LABEL_PUBLISHED] = "Published",
		[LABEL_MODIFIED] = "Last modified",
		[LABEL_PUBLISHER] = "Publisher",
		[LABEL_IDENTIFIER] = "Identifier",
		[LABEL_SOURCE] = "Source",
		[LABEL_RIGHTS] = "Rights",
		[LABEL_MADE_WITH] = "Made with mkbook from a Markdown manuscript.",
		[LABEL_READ_ORIGINAL] = "Read the original",
		[LABEL_AUDIO] = "Sound recording",
		[LABEL_VIDEO] = "Video",
	},
	[LANG_DE] = {
		[LABEL_CONTENTS] = "Inhalt",
		[LABEL_LANDMARKS] = "Orientierungspunkte",
		[LABEL_COVER] = "Umschlag",
		[LABEL_TITLE_PAGE] = "Titelseite",
		[LABEL_START] = "Textbeginn",
		[LABEL_COLOPHON] = "Impressum",
		[LABEL_QA] = "Fragen der Leser",
		[LABEL_RELATED] = "Ähnliche Beiträge",
		[LABEL_ABOUT_AUTHOR] = "Über den Autor",
		[LABEL_ASKED] = "fragte",
		[LABEL_REPLIED] = "antwortete",
		[LABEL_ANSWERED_BY_AUTHOR] = "Vom Autor beantwortet",
		[LABEL_AUTHOR_ANSWER] = "Die Antwort des Autors",
		[LABEL_REPLIES] = "Antworten",
		[LABEL_FOOTNOTES] = "Anmerkungen",
		[LABEL_BACK_TO_TEXT] = "Zurück zum Text",
		[LABEL_BY] = "von",
		[LABEL_PUBLISHED] = "Veröffentlicht",
		[LABEL_MODIFIED] = "Zuletzt geändert",
		[LABEL_PUBLISHER] = "Verlag",
		[LABEL_IDENTIFIER] = "Kennung",
		[LABEL_SOURCE] = "Quelle",
		[LABEL_RIGHTS] = "Rechte",
		[LABEL_MADE_WITH] = "Erstellt mit mkbook aus einem Markdown-Manuskript.",
		[LABEL_READ_ORIGINAL] = "Original lesen",
		[LABEL_AUDIO] = "Tonaufnahme",
		[LABEL_VIDEO] = "Video",
	},
	[LANG_FR] = {
		[LABEL_CONTENTS] = "Table des matières",
		[LABEL_LANDMARKS] = "Repères",
		[LABEL_COVER] = "Couverture",
		[LABEL_TITLE_PAGE] = "Page de titre",
		[LABEL_START] = "Début du texte",
		[LABEL_COLOPHON] = "Colophon",
		[LABEL_QA] = "Questions des lecteurs",
		[LABEL_RELATED] = "Articles connexes",
		[LABEL_ABOUT_AUTHOR] = "À propos de l’auteur",
		[LABEL_ASKED] = "a demandé",
		[LABEL_REPLIED] = "a répondu",
		[LABEL_ANSWERED_BY_AUTHOR] = "L’auteur a répondu",
		[LABEL_AUTHOR_ANSWER] = "La réponse de l’auteur",
		[LABEL_REPLIES] = "Réponses",
		[LABEL_FOOTNOTES] = "Notes",
		[LABEL_BACK_TO_TEXT] = "Retour au texte",
		[LABEL_BY] = "par",
		[LABEL_PUBLISHED] = "Publié",
		[LABEL_MODIFIED] = "Dernière modification",
		[LABEL_PUBLISHER] = "Éditeur",
		[LABEL_IDENTIFIER] = "Identifiant",
		[LABEL_SOURCE] = "Source",
		[LABEL_RIGHTS] = "Droits",
		[LABEL_MADE_WITH] = "Réalisé avec mkbook à partir d’un manuscrit Markdown.",
		[LABEL_READ_ORIGINAL] = "Lire l’original",
		[LABEL_AUDIO] = "Enregistrement sonore",
		[LABEL_VIDEO] = "Vidéo",
	},
	[LANG_ES] = {
		[LABEL_CONTENTS] = "Índice",
		[LABEL_LANDMARKS] = "Puntos de referencia",
		[LABEL_COVER] = "Cubierta",
		[LABEL_TITLE_PAGE] = "Portada",
		[LABEL_START] = "Inicio del texto",
		[LABEL_COLOPHON] = "Colofón",
		[LABEL_QA] = "Preguntas de los lectores",
		[LABEL_RELATED] = "Entradas relacionadas",
		[LABEL_ABOUT_AUTHOR] = "Sobre el autor",
		[LABEL_ASKED] = "preguntó",
		[LABEL_REPLIED] = "respondió",
		[LABEL_ANSWERED_BY_AUTHOR] = "Respondida por el autor",
		[LABEL_AUTHOR_ANSWER] = "La respuesta del autor",
		[LABEL_REPLIES] = "Respuestas",
		[LABEL_FOOTNOTES] = "Notas",
		[LABEL_BACK_TO_TEXT] = "Volver al texto",
		[LABEL_BY] = "por",
		[LABEL_PUBLISHED] = "Publicado",
		[LABEL_MODIFIED] = "Última modificación",
		[LABEL_PUBLISHER] = "Editorial",
		[LABEL_IDENTIFIER] = "Identificador",
		[LABEL_SOURCE] = "Fuente",
		[LABEL_RIGHTS] = "Derechos",
		[LABEL_MADE_WITH] = "Hecho con mkbook a partir de un manuscrito en Markdown.",
		[LABEL_READ_ORIGINAL] = "Leer el original",
		[LABEL_AUDIO] = "Grabación de sonido",
		[LABEL_VIDEO] = "Vídeo",
	},
	[LANG_IT] = {
		[LABEL_CONTENTS] = "Indice",
		[LABEL_LANDMARKS] = "Punti di riferimento",
		[LABEL_COVER] = "Copertina",
		[LABEL_TITLE_PAGE] = "Frontespizio",
		[LABEL_START] = "Inizio del testo",
		[LABEL_COLOPHON] = "Colophon",
		[LABEL_QA] = "Domande dei lettori",
		[LABEL_RELATED] = "Articoli correlati",
		[LABEL_ABOUT_AUTHOR] = "Sull’autore",
		[LABEL_ASKED] = "ha chiesto",
		[LABEL_REPLIED] = "ha risposto",
		[LABEL_ANSWERED_BY_AUTHOR] = "Ha risposto l’autore",
		[LABEL_AUTHOR_ANSWER] = "La risposta dell’autore",
		[LABEL_REPLIES] = "Risposte",
		[LABEL_FOOTNOTES] = "Note",
		[LABEL_BACK_TO_TEXT] = "Torna al testo",
		[LABEL_BY] = "di",
		[LABEL_PUBLISHED] = "Pubblicato",
		[LABEL_MODIFIED] = "Ultima modifica",
		[LABEL_PUBLISHER] = "Editore",
		[LABEL_IDENTIFIER] = "Identificativo",
		[LABEL_SOURCE] = "Fonte",
		[LABEL_RIGHTS] = "Diritti",
		[LABEL_MADE_WITH] = "Realizzato con mkbook a partire da un manoscritto Markdown.",
		[LABEL_READ_ORIGINAL] = "Leggi l’originale",
		[LABEL_AUDIO] = "Registrazione audio",
		[LABEL_VIDEO] = "Video",
	},
	[LANG_PT] = {
		[LABEL_CONTENTS] = "Índice",
		[LABEL_LANDMARKS] = "Pontos de referência",
		[LABEL_COVER] = "Capa",
		[LABEL_TITLE_PAGE] = "Folha de rosto",
		[LABEL_START] = "Início do texto",
		[LABEL_COLOPHON] = "Colofão",
		[LABEL_QA] = "Perguntas dos leitores",
		[LABEL_RELATED] = "Artigos relacionados",
		[LABEL_ABOUT_AUTHOR] = "Sobre o autor",
		[LABEL_ASKED] = "perguntou",
		[LABEL_REPLIED] = "respondeu",
		[LABEL_ANSWERED_BY_AUTHOR] = "Respondida pelo autor",
		[LABEL_AUTHOR_ANSWER] = "A resposta do autor",
		[LABEL_REPLIES] = "Respostas",
		[LABEL_FOOTNOTES] = "Notas",
		[LABEL_BACK_TO_TEXT] = "Voltar ao texto",
		[LABEL_BY] = "por",
		[LABEL_PUBLISHED] = "Publicado",
		[LABEL_MODIFIED] = "Última modificação",
		[LABEL_PUBLISHER] = "Editora",
		[LABEL_IDENTIFIER] = "Identificador",
		[LABEL_SOURCE] = "Fonte",
		[LABEL_RIGHTS] = "Direitos",
		[LABEL_MADE_WITH] = "Feito com mkbook a partir de um manuscrito em Markdown.",
		[LABEL_READ_ORIGINAL] = "Ler o original",
		[LABEL_AUDIO] = "Gravação de áudio",
		[LABEL_VIDEO] = "Vídeo",
	},
	[LANG_NL] = {
		[LABEL_CONTENTS] = "Inhoud",
		[LABEL_LANDMARKS] = "Oriëntatiepunten",
		[LABEL_COVER] = "Omslag",
		[LABEL_TITLE_PAGE] = "Titelpagina",
		[LABEL_START] = "Begin van de tekst",
		[LABEL_COLOPHON] = "Colofon",
		[LABEL_QA] = "Vragen van lezers",
		[LABEL_RELATED] = "Gerelateerde berichten",
		[LABEL_ABOUT_AUTHOR] = "Over de auteur",
		[LABEL_ASKED] = "vroeg",
		[LABEL_REPLIED] = "antwoordde",
		[LABEL_ANSWERED_BY_AUTHOR] = "Beantwoord door de auteur",
		[LABEL_AUTHOR_ANSWER] = "Het antwoord van de auteur",
		[LABEL_REPLIES] = "Reacties",
		[LABEL_FOOTNOTES] = "Noten",
		[LABEL_BACK_TO_TEXT] = "Terug naar de tekst",
		[LABEL_BY] = "door",
		[LABEL_PUBLISHED] = "Gepubliceerd",
		[LABEL_MODIFIED] = "Laatst gewijzigd",
		[LABEL_PUBLISHER] = "Uitgever",
		[LABEL_IDENTIFIER] = "Identificatie",
		[LABEL_SOURCE] = "Bron",
		[LABEL_RIGHTS] = "Rechten",
		[LABEL_MADE_WITH] = "Gemaakt met mkbook op basis van een Markdown-manuscript.",
		[LABEL_READ_ORIGINAL] = "Lees het origineel",
		[LABEL_AUDIO] = "Geluidsopname",
		[LABEL_VIDEO] = "Video",
	},
	[LANG_PL] = {
		[LABEL_CONTENTS] = "Spis treści",
		[LABEL_LANDMARKS] = "Punkty orientacyjne",
		[LABEL_COVER] = "Okładka",
		[LABEL_TITLE_PAGE] = "Strona tytułowa",
		[LABEL_START] = "Początek tekstu",
		[LABEL_COLOPHON] = "Strona redakcyjna",
		[LABEL_QA] = "Pytania czytelników",
		[LABEL_RELATED] = "Powiązane wpisy",
		[LABEL_ABOUT_AUTHOR] = "O autorze",
		[LABEL_ASKED] = "zapytał",
		[LABEL_REPLIED] = "odpowiedział",
		[LABEL_ANSWERED_BY_AUTHOR] = "Odpowiedział autor",
		[LABEL_AUTHOR_ANSWER] = "Odpowiedź autora",
		[LABEL_REPLIES] = "Odpowiedzi",
		[LABEL_FOOTNOTES] = "Przypisy",
		[LABEL_BACK_TO_TEXT] = "Powrót do tekstu",
		[LABEL_BY] = "autor",
		[LABEL_PUBLISHED] = "Opublikowano",
		[LABEL_MODIFIED] = "Ostatnia zmiana",
		[LABEL_PUBLISHER] = "Wydawca",
		[LABEL_IDENTIFIER] = "Identyfikator",
		[LABEL_SOURCE] = "Źródło",
		[LABEL_RIGHTS] = "Prawa",
		[LABEL_MADE_WITH] = "Utworzono za pomocą mkbook z rękopisu w formacie Markdown.",
		[LABEL_READ_ORIGINAL] = "Przeczytaj oryginał",
		[LABEL_AUDIO] = "Nagranie dźwiękowe",
		[LABEL_VIDEO] = "Wideo",
	},
	[LANG_RU] = {
		[LABEL_CONTENTS] = "Содержание",
		[LABEL_LANDMARKS] = "Ориентиры",
		[LABEL_COVER] = "Обложка",
		[LABEL_TITLE_PAGE] = "Титульный лист",
		[LABEL_START] = "Начало текста",
		[LABEL_COLOPHON] = "Выходные данные",
		[LABEL_QA] = "Вопросы читателей",
		[LABEL_RELATED] = "Похожие записи",
		[LABEL_ABOUT_AUTHOR] = "Об авторе",
		[LABEL_ASKED] = "спросил",
		[LABEL_REPLIED] = "ответил",
		[LABEL_ANSWERED_BY_AUTHOR] = "Автор ответил",
		[LABEL_AUTHOR_ANSWER] = "Ответ автора",
		[LABEL_REPLIES] = "Ответы",
		[LABEL_FOOTNOTES] = "Примечания",
		[LABEL_BACK_TO_TEXT] = "Вернуться к тексту",
		[LABEL_BY] = "автор",
		[LABEL_PUBLISHED] = "Опубликовано",
		[LABEL_MODIFIED] = "Последнее изменение",
		[LABEL_PUBLISHER] = "Издательство",
		[LABEL_IDENTIFIER] = "Идентификатор",
		[LABEL_SOURCE] = "Источник",
		[LABEL_RIGHTS] = "Права",
		[LABEL_MADE_WITH] = "Сделано с помощью mkbook из рукописи в формате Markdown.",
		[LABEL_READ_ORIGINAL] = "Читать оригинал",
		[LABEL_AUDIO] = "Звукозапись",
		[LABEL_VIDEO] = "Видео",
	},
	[LANG_UK] = {
		[LABEL_CONTENTS] = "Зміст",
		[LABEL_LANDMARKS] = "Орієнтири",
		[LABEL_COVER] = "Обкладинка",
		[LABEL_TITLE_PAGE] = "Титульна сторінка",
		[LABEL_START] = "Початок тексту",
		[LABEL_COLOPHON] = "Вихідні дані",
		[LABEL_QA] = "Запитання читачів",
		[LABEL_RELATED] = "Схожі записи",
		[LABEL_ABOUT_AUTHOR] = "Про автора",
		[LABEL_ASKED] = "запитав",
		[LABEL_REPLIED] = "відповів",
		[LABEL_ANSWERED_BY_AUTHOR] = "Автор відповів",
		[LABEL_AUTHOR_ANSWER] = "Відповідь автора",
		[LABEL_REPLIES] = "Відповіді",
		[LABEL_FOOTNOTES] = "Примітки",
		[LABEL_BACK_TO_TEXT] = "Повернутися до тексту",
		[LABEL_BY] = "автор",
		[LABEL_PUBLISHED] = "Опубліковано",
		[LABEL_MODIFIED] = "Востаннє змінено",
		[LABEL_PUBLISHER] = "Видавництво",
		[LABEL_IDENTIFIER] = "Ідентифікатор",
		[LABEL_SOURCE] = "Джерело",
		[LABEL_RIGHTS] = "Права",
		[LABEL_MADE_WITH] = "Створено за допомогою mkbook з рукопису у форматі Markdown.",
		[LABEL_READ_ORIGINAL] = "Читати оригінал",
		[LABEL_AUDIO] = "Звукозапис",
		[LABEL_VIDEO] = "Відео",
	},
	[LANG_AR] = {
		[LABEL_CONTENTS] = "المحتويات",
		[LABEL_LANDMARKS] = "معالم الكتاب",
		[LABEL_COVER] = "الغلاف",
		[LABEL_TITLE_PAGE] = "صفحة العنوان",
		[LABEL_START] = "بداية النص",
		[LABEL_COLOPHON] = "بيانات النشر",
		[LABEL_QA] = "أسئلة القراء",
		[LABEL_RELATED] = "مقالات ذات صلة",
		[LABEL_ABOUT_AUTHOR] = "عن المؤلف",
		[LABEL_ASKED] = "سأل",
		[LABEL_REPLIED] = "أجاب",
		[LABEL_ANSWERED_BY_AUTHOR] = "أجاب عنه المؤلف",
		[LABEL_AUTHOR_ANSWER] = "إجابة المؤلف",
		[LABEL_REPLIES] = "الردود",
		[LABEL_FOOTNOTES] = "الهوامش",
		[LABEL_BACK_TO_TEXT] = "العودة إلى النص",
		[LABEL_BY] = "بقلم",
		[LABEL_PUBLISHED] = "تاريخ النشر",
		[LABEL_MODIFIED] = "آخر تعديل",
		[LABEL_PUBLISHER] = "الناشر",
		[LABEL_IDENTIFIER] = "المعرّف",
		[LABEL_SOURCE] = "المصدر",
		[LABEL_RIGHTS] = "الحقوق",
		[LABEL_MADE_WITH] = "صُنع باستخدام mkbook من مخطوطة بصيغة Markdown.",
		[LABEL_READ_ORIGINAL] = "اقرأ النص الأصلي",
		[LABEL_AUDIO] = "تسجيل صوتي",
		[LABEL_VIDEO] = "فيديو",
	},
	[LANG_HE] = {
		[LABEL_CONTENTS] = "תוכן העניינים",
		[LABEL_LANDMARKS] = "ציוני דרך",
		[LABEL_COVER] = "כריכה",
		[LABEL_TITLE_PAGE] = "שער",
		[LABEL_START] = "תחילת הטקסט",
		[LABEL_COLOPHON] = "קולופון",
		[LABEL_QA] = "שאלות הקוראים",
		[LABEL_RELATED] = "פוסטים קשורים",
		[LABEL_ABOUT_AUTHOR] = "על המחבר",
		[LABEL_ASKED] = "שאל",
		[LABEL_REPLIED] = "השיב",
		[LABEL_ANSWERED_BY_AUTHOR] = "המחבר השיב",
		[LABEL_AUTHOR_ANSWER] = "תשובת המחבר",
		[LABEL_REPLIES] = "תגובות",
		[LABEL_FOOTNOTES] = "הערות",
		[LABEL_BACK_TO_TEXT] = "חזרה לטקסט",
		[LABEL_BY] = "מאת",
		[LABEL_PUBLISHED] = "פורסם",
		[LABEL_MODIFIED] = "עודכן לאחרונה",
		[LABEL_PUBLISHER] = "הוצאה לאור",
		[LABEL_IDENTIFIER] = "מזהה",
		[LABEL_SOURCE] = "מקור",
		[LABEL_RIGHTS] = "זכויות",
		[LABEL_MADE_WITH] = "נוצר באמצעות mkbook מכתב יד בפורמט Markdown.",
		[LABEL_READ_ORIGINAL] = "לקריאת המקור",
		[LABEL_AUDIO] = "הקלטת שמע",
		[LABEL_VIDEO] = "סרטון",
	},
	[LANG_JA] = {
		[LABEL_CONTENTS] = "目次",
		[LABEL_LANDMARKS] = "ランドマーク",
		[LABEL_COVER] = "表紙",
		[LABEL_TITLE_PAGE] = "扉",
		[LABEL_START] = "本文",
		[LABEL_COLOPHON] = "奥付",
		[LABEL_QA] = "読者からの質問",
		[LABEL_RELATED] = "関連記事",
		[LABEL_ABOUT_AUTHOR] = "著者紹介",
		[LABEL_ASKED] = "質問",
		[LABEL_REPLIED] = "返信",
		[LABEL_ANSWERED_BY_AUTHOR] = "著者による回答",
		[LABEL_AUTHOR_ANSWER] = "著者の回答",
		[LABEL_REPLIES] = "返信",
		[LABEL_FOOTNOTES] = "注",
		[LABEL_BACK_TO_TEXT] = "本文に戻る",
		[LABEL_BY] = "著者",
		[LABEL_PUBLISHED] = "公開日",
		[LABEL_MODIFIED] = "最終更新日",
		[LABEL_PUBLISHER] = "発行所",
		[LABEL_IDENTIFIER] = "識別子",
		[LABEL_SOURCE] = "出典",
		[LABEL_RIGHTS] = "権利",
		[LABEL_MADE_WITH] = "この本は mkbook で Markdown 原稿から作成されました。",
		[LABEL_READ_ORIGINAL] = "原文を読む",
		[LABEL_AUDIO] = "音声",
		[LABEL_VIDEO] = "動画",
	},
	[LANG_ZH_HANS] = {
		[LABEL_CONTENTS] = "目录",
		[LABEL_LANDMARKS] = "地标",
		[LABEL_COVER] = "封面",
		[LABEL_TITLE_PAGE] = "扉页",
		[LABEL_START] = "正文",
		[LABEL_COLOPHON] = "版权页",
		[LABEL_QA] = "读者问答",
		[LABEL_RELATED] = "相关文章",
		[LABEL_ABOUT_AUTHOR] = "关于作者",
		[LABEL_ASKED] = "提问",
		[LABEL_REPLIED] = "回复",
		[LABEL_ANSWERED_BY_AUTHOR] = "作者已回答",
		[LABEL_AUTHOR_ANSWER] = "作者的回答",
		[LABEL_REPLIES] = "回复",
		[LABEL_FOOTNOTES] = "注释",
		[LABEL_BACK_TO_TEXT] = "返回正文",
		[LABEL_BY] = "作者",
		[LABEL_PUBLISHED] = "发布日期",
		[LABEL_MODIFIED] = "最后更新",
		[LABEL_PUBLISHER] = "出版者",
		[LABEL_IDENTIFIER] = "标识符",
		[LABEL_SOURCE] = "来源",
		[LABEL_RIGHTS] = "版权",
		[LABEL_MADE_WITH] = "本书由 mkbook 根据 Markdown 书稿制作。",
		[LABEL_READ_ORIGINAL] = "阅读原文",
		[LABEL_AUDIO] = "音频",
		[LABEL_VIDEO] = "视频",
	},
	[LANG_ZH_HANT] = {
		[LABEL_CONTENTS] = "目錄",
		[LABEL_LANDMARKS] = "地標",
		[LABEL_COVER] = "封面",
		[LABEL_TITLE_PAGE] = "扉頁",
		[LABEL_START] = "正文",
		[LABEL_COLOPHON] = "版權頁",
		[LABEL_QA] = "讀者問答",
		[LABEL_RELATED] = "相關文章",
		[LABEL_ABOUT_AUTHOR] = "關於作者",
		[LABEL_ASKED] = "提問",
		[LABEL_REPLIED] = "回覆",
		[LABEL_ANSWERED_BY_AUTHOR] = "作者已回答",
		[LABEL_AUTHOR_ANSWER] = "作者的回答",
		[LABEL_REPLIES] = "回覆",
		[LABEL_FOOTNOTES] = "註釋",
		[LABEL_BACK_TO_TEXT] = "返回正文",
		[LABEL_BY] = "作者",
		[LABEL_PUBLISHED] = "發布日期",
		[LABEL_MODIFIED] = "最後更新",
		[LABEL_PUBLISHER] = "出版者",
		[LABEL_IDENTIFIER] = "識別碼",
		[LABEL_SOURCE] = "來源",
		[LABEL_RIGHTS] = "版權",
		[LABEL_MADE_WITH] = "本書由 mkbook 根據 Markdown 書稿製作。",
		[LABEL_READ_ORIGINAL] = "閱讀原文",
		[LABEL_AUDIO] = "音訊",
		[LABEL_VIDEO] = "影片",
	},
	[LANG_KO] = {
		[LABEL_CONTENTS] = "차례",
		[LABEL_LANDMARKS] = "랜드마크",
		[LABEL_COVER] = "표지",
		[LABEL_TITLE_PAGE] = "속표지",
		[LABEL_START] = "본문 시작",
		[LABEL_COLOPHON] = "판권",
		[LABEL_QA] = "독자 질문",
		[LABEL_RELATED] = "관련 글",
		[LABEL_ABOUT_AUTHOR] = "저자 소개",
		[LABEL_ASKED] = "질문",
		[LABEL_REPLIED] = "답변",
		[LABEL_ANSWERED_BY_AUTHOR] = "저자가 답변함",
		[LABEL_AUTHOR_ANSWER] = "저자의 답변",
		[LABEL_REPLIES] = "답글",
		[LABEL_FOOTNOTES] = "주",
		[LABEL_BACK_TO_TEXT] = "본문으로 돌아가기",
		[LABEL_BY] = "지은이",
		[LABEL_PUBLISHED] = "발행일",
		[LABEL_MODIFIED] = "최종 수정일",
		[LABEL_PUBLISHER] = "펴낸곳",
		[LABEL_IDENTIFIER] = "식별자",
		[LABEL_SOURCE] = "출처",
		[LABEL_RIGHTS] = "저작권",
		[LABEL_MADE_WITH] = "이 책은 mkbook으로 Markdown 원고에서 만들었습니다.",
		[LABEL_READ_ORIGINAL] = "원문 읽기",
		[LABEL_AUDIO] = "오디오",
		[LABEL_VIDEO] = "동영상",
	},
};

/* The accessibility summary, sentence by sentence (labels.h). */
static const char *const a11y_tables[LANG_COUNT][A11Y_COUNT] = {
	[LANG_EN] = {
		[A11Y_STRUCTURE] = "This book has a table of contents, headings that mark its structure and one reading order.",
		[A11Y_DISPLAY] = "Its text can be shown in any font, size and colour the reading system offers.",
		[A11Y_ALT_ALL] = "Every image has a text description or is marked as decoration.",
		[A11Y_ALT_SOME] = "Images with a text description: %d of %d.",
		[A11Y_NOTES] = "Notes are linked to the text and back.",
		[A11Y_NO_HAZARDS] = "It has no flashing, sound or motion hazards.",
		[A11Y_MOVING] = "Some of its images move and may flash; it has no sound.",
		[A11Y_MEDIA] = "It has sound or video, whose hazards are not known.",
	},
	[LANG_DE] = {
		[A11Y_STRUCTURE] = "Dieses Buch hat ein Inhaltsverzeichnis, Überschriften, die seine Gliederung zeigen, und eine Lesereihenfolge.",
		[A11Y_DISPLAY] = "Sein Text kann in jeder Schrift, Größe und Farbe gezeigt werden, die das Lesesystem anbietet.",
		[A11Y_ALT_ALL] = "Jedes Bild hat eine Textbeschreibung oder ist als Schmuck gekennzeichnet.",
		[A11Y_ALT_SOME] = "Bilder mit Textbeschreibung: %d von %d.",
		[A11Y_NOTES] = "Anmerkungen und Text sind in beide Richtungen verlinkt.",
		[A11Y_NO_HAZARDS] = "Es birgt keine Gefahren durch Blinken, Ton oder Bewegung.",
		[A11Y_MOVING] = "Einige seiner Bilder bewegen sich und können blinken; es hat keinen Ton.",
		[A11Y_MEDIA] = "Es enthält Ton oder Video, deren Gefahren nicht bekannt sind.",
	},
	[LANG_FR] = {
		[A11Y_STRUCTURE] = "Ce livre a une table des matières, des titres qui marquent sa structure et un ordre de lecture.",
		[A11Y_DISPLAY] = "Son texte peut s’afficher dans toute police, taille et couleur que propose le système de lecture.",
		[A11Y_ALT_ALL] = "Chaque image a une description textuelle ou est marquée comme décorative.",
		[A11Y_ALT_SOME] = "Images avec une description textuelle : %d sur %d.",
		[A11Y_NOTES] = "Les notes sont liées au texte dans les deux sens.",
		[A11Y_NO_HAZARDS] = "Il ne présente aucun risque lié au clignotement, au son ou au mouvement.",
		[A11Y_MOVING] = "Certaines de ses images bougent et peuvent clignoter ; il n’a pas de son.",
		[A11Y_MEDIA] = "Il contient du son ou de la vidéo, dont les risques ne sont pas connus.",
	},
	[LANG_ES] = {
		[A11Y_STRUCTURE] = "Este libro tiene una tabla de contenido, encabezados que marcan su estructura y un orden de lectura.",
		[A11Y_DISPLAY] = "Su texto puede mostrarse con cualquier fuente, tamaño y color que ofrezca el sistema de lectura.",
		[A11Y_ALT_ALL] = "Cada imagen tiene una descripción textual o está marcada como decorativa.",
		[A11Y_ALT_SOME] = "Imágenes con descripción textual: %d de %d.",
		[A11Y_NOTES] = "Las notas están enlazadas con el texto en ambos sentidos.",
		[A11Y_NO_HAZARDS] = "No presenta riesgos por destellos, sonido ni movimiento.",
		[A11Y_MOVING] = "Algunas de sus imágenes se mueven y pueden destellar; no tiene sonido.",
		[A11Y_MEDIA] = "Contiene sonido o vídeo, cuyos riesgos no se conocen.",
	},
	[LANG_IT] = {
		[A11Y_STRUCTURE] = "Questo libro ha un indice, titoli che ne segnano la struttura e un ordine di lettura.",
		[A11Y_DISPLAY] = "Il testo può essere mostrato con qualsiasi carattere, dimensione e colore offerti dal sistema di lettura.",
		[A11Y_ALT_ALL] = "Ogni immagine ha una descrizione testuale o è indicata come decorativa.",
		[A11Y_ALT_SOME] = "Immagini con descrizione testuale: %d su %d.",
		[A11Y_NOTES] = "Le note sono collegate al testo in entrambe le direzioni.",
		[A11Y_NO_HAZARDS] = "Non presenta rischi di lampeggiamenti, suoni o movimenti.",
		[A11Y_MOVING] = "Alcune immagini si muovono e possono lampeggiare; non ha suoni.",
		[A11Y_MEDIA] = "Contiene audio o video, i cui rischi non sono noti.",
	},
	[LANG_PT] = {
		[A11Y_STRUCTURE] = "Este livro tem um sumário, títulos que marcam a sua estrutura e uma ordem de leitura.",
		[A11Y_DISPLAY] = "O texto pode ser apresentado em qualquer fonte, tamanho e cor que o sistema de leitura ofereça.",
		[A11Y_ALT_ALL] = "Cada imagem tem uma descrição textual ou está marcada como decorativa.",
		[A11Y_ALT_SOME] = "Imagens com descrição textual: %d de %d.",
		[A11Y_NOTES] = "As notas estão ligadas ao texto nos dois sentidos.",
		[A11Y_NO_HAZARDS] = "Não apresenta riscos de intermitência, som ou movimento.",
		[A11Y_MOVING] = "Algumas das suas imagens movem-se e podem piscar; não tem som.",
		[A11Y_MEDIA] = "Contém som ou vídeo, cujos riscos não são conhecidos.",
	},
	[LANG_NL] = {
		[A11Y_STRUCTURE] = "Dit boek heeft een inhoudsopgave, koppen die de opbouw aangeven en één leesvolgorde.",
		[A11Y_DISPLAY] = "De tekst kan worden getoond in elk lettertype, elke grootte en elke kleur die het leessysteem biedt.",
		[A11Y_ALT_ALL] = "Elke afbeelding heeft een tekstbeschrijving of is als decoratie gemarkeerd.",
		[A11Y_ALT_SOME] = "Afbeeldingen met een tekstbeschrijving: %d van %d.",
		[A11Y_NOTES] = "Noten zijn in beide richtingen met de tekst verbonden.",
		[A11Y_NO_HAZARDS] = "Het bevat geen risico’s door flitsen, geluid of beweging.",
		[A11Y_MOVING] = "Sommige afbeeldingen bewegen en kunnen flitsen; het heeft geen geluid.",
		[A11Y_MEDIA] = "Het bevat geluid of video, waarvan de risico’s niet bekend zijn.",
	},
	[LANG_PL] = {
		[A11Y_STRUCTURE] = "Ta książka ma spis treści, nagłówki oznaczające jej strukturę i jedną kolejność czytania.",
		[A11Y_DISPLAY] = "Tekst można wyświetlić dowolną czcionką, w dowolnym rozmiarze i kolorze, jakie oferuje system czytania.",
		[A11Y_ALT_ALL] = "Każdy obraz ma opis tekstowy lub jest oznaczony jako ozdobny.",
		[A11Y_ALT_SOME] = "Obrazy z opisem tekstowym: %d z %d.",
		[A11Y_NOTES] = "Przypisy są połączone z tekstem w obu kierunkach.",
		[A11Y_NO_HAZARDS] = "Nie zawiera zagrożeń związanych z miganiem, dźwiękiem ani ruchem.",
		[A11Y_MOVING] = "Niektóre obrazy się poruszają i mogą migać; książka nie zawiera dźwięku.",
		[A11Y_MEDIA] = "Zawiera dźwięk lub wideo, których zagrożenia nie są znane.",
	},
	[LANG_RU] = {
		[A11Y_STRUCTURE] = "В этой книге есть оглавление, заголовки, отражающие её структуру, и единый порядок чтения.",
		[A11Y_DISPLAY] = "Текст можно показывать любым шрифтом, размером и цветом, которые предлагает система чтения.",
		[A11Y_ALT_ALL] = "У каждого изображения есть текстовое описание, или оно отмечено как декоративное.",
		[A11Y_ALT_SOME] = "Изображения с текстовым описанием: %d из %d.",
		[A11Y_NOTES] = "Примечания связаны с текстом ссылками в обе стороны.",
		[A11Y_NO_HAZARDS] = "В ней нет рисков, связанных с миганием, звуком или движением.",
		[A11Y_MOVING] = "Некоторые изображения движутся и могут мигать; звука нет.",
		[A11Y_MEDIA] = "В ней есть звук или видео, опасность которых неизвестна.",
	},
	[LANG_UK] = {
		[A11Y_STRUCTURE] = "У цій книжці є зміст, заголовки, що позначають її структуру, і єдиний порядок читання.",
		[A11Y_DISPLAY] = "Текст можна показувати будь-яким шрифтом, розміром і кольором, які пропонує система читання.",
		[A11Y_ALT_ALL] = "Кожне зображення має текстовий опис або позначене як декоративне.",
		[A11Y_ALT_SOME] = "Зображення з текстовим описом: %d з %d.",
		[A11Y_NOTES] = "Примітки пов’язані з текстом посиланнями в обидва боки.",
		[A11Y_NO_HAZARDS] = "У ній немає ризиків, пов’язаних із миганням, звуком чи рухом.",
		[A11Y_MOVING] = "Деякі зображення рухаються і можуть мигати; звуку немає.",
		[A11Y_MEDIA] = "У ній є звук або відео, небезпека яких невідома.",
	},
	[LANG_AR] = {
		[A11Y_STRUCTURE] = "لهذا الكتاب فهرس محتويات وعناوين تبيّن بنيته وترتيب قراءة واحد.",
		[A11Y_DISPLAY] = "يمكن عرض نصه بأي خط وحجم ولون يتيحه نظام القراءة.",
		[A11Y_ALT_ALL] = "لكل صورة وصف نصي أو هي معلَّمة على أنها زخرفية.",
		[A11Y_ALT_SOME] = "الصور ذات الوصف النصي: %d من %d.",
		[A11Y_NOTES] = "الحواشي مرتبطة بالنص في الاتجاهين.",
		[A11Y_NO_HAZARDS] = "لا يحتوي على مخاطر الوميض أو الصوت أو الحركة.",
		[A11Y_MOVING] = "بعض صوره متحركة وقد تومض؛ ولا صوت فيه.",
		[A11Y_MEDIA] = "يحتوي على صوت أو فيديو لا تُعرف مخاطره.",
	},
	[LANG_HE] = {
		[A11Y_STRUCTURE] = "לספר זה יש תוכן עניינים, כותרות המסמנות את מבנהו וסדר קריאה אחד.",
		[A11Y_DISPLAY] = "אפשר להציג את הטקסט בכל גופן, גודל וצבע שמערכת הקריאה מציעה.",
		[A11Y_ALT_ALL] = "לכל תמונה יש תיאור טקסטואלי, או שהיא מסומנת כקישוט.",
		[A11Y_ALT_SOME] = "תמונות עם תיאור טקסטואלי: %d מתוך %d.",
		[A11Y_NOTES] = "ההערות מקושרות לטקסט בשני הכיוונים.",
		[A11Y_NO_HAZARDS] = "אין בו סכנות של הבהובים, קול או תנועה.",
		[A11Y_MOVING] = "חלק מהתמונות בו זזות ועלולות להבהב; אין בו קול.",
		[A11Y_MEDIA] = "יש בו שמע או וידאו שסיכוניהם אינם ידועים.",
	},
	[LANG_JA] = {
		[A11Y_STRUCTURE] = "この本には目次、構造を示す見出し、一つの読み順があります。",
		[A11Y_DISPLAY] = "本文は、リーディングシステムが提供する任意のフォント、サイズ、色で表示できます。",
		[A11Y_ALT_ALL] = "すべての画像にテキストによる説明があるか、装飾として示されています。",
		[A11Y_ALT_SOME] = "テキストによる説明のある画像：%d / %d。",
		[A11Y_NOTES] = "注は本文と相互にリンクしています。",
		[A11Y_NO_HAZARDS] = "点滅、音声、動きによる危険はありません。",
		[A11Y_MOVING] = "一部の画像は動き、点滅することがあります。音声はありません。",
		[A11Y_MEDIA] = "音声または動画を含み、その危険性は不明です。",
	},
	[LANG_ZH_HANS] = {
		[A11Y_STRUCTURE] = "本书有目录、标示其结构的标题和统一的阅读顺序。",
		[A11Y_DISPLAY] = "正文可以用阅读系统提供的任何字体、字号和颜色显示。",
		[A11Y_ALT_ALL] = "每张图片都有文字说明，或被标记为装饰性图片。",
		[A11Y_ALT_SOME] = "有文字说明的图片：%d / %d。",
		[A11Y_NOTES] = "注释与正文双向链接。",
		[A11Y_NO_HAZARDS] = "本书没有闪烁、声音或动态效果方面的危险。",
		[A11Y_MOVING] = "部分图片会移动并可能闪烁；本书没有声音。",
		[A11Y_MEDIA] = "本书含有音频或视频，其风险未知。",
	},
	[LANG_ZH_HANT] = {
		[A11Y_STRUCTURE] = "本書有目錄、標示其結構的標題和統一的閱讀順序。",
		[A11Y_DISPLAY] = "正文可以用閱讀系統提供的任何字型、字級和顏色顯示。",
		[A11Y_ALT_ALL] = "每張圖片都有文字說明，或被標記為裝飾性圖片。",
		[A11Y_ALT_SOME] = "有文字說明的圖片：%d / %d。",
		[A11Y_NOTES] = "註釋與正文雙向連結。",
		[A11Y_NO_HAZARDS] = "本書沒有閃爍、聲音或動態效果方面的危險。",
		[A11Y_MOVING] = "部分圖片會移動並可能閃爍；本書沒有聲音。",
		[A11Y_MEDIA] = "本書含有音訊或影片，其風險未知。",
	},
	[LANG_KO] = {
		[A11Y_STRUCTURE] = "이 책에는 목차, 구조를 나타내는 제목, 하나의 읽기 순서가 있습니다.",
		[A11Y_DISPLAY] = "본문은 읽기 시스템이 제공하는 어떤 글꼴, 크기, 색으로도 표시할 수 있습니다.",
		[A11Y_ALT_ALL] = "모든 이미지에 텍스트 설명이 있거나 장식용으로 표시되어 있습니다.",
		[A11Y_ALT_SOME] = "텍스트 설명이 있는 이미지: %d/%d.",
		[A11Y_NOTES] = "주석은 본문과 양방향으로 연결되어 있습니다.",
		[A11Y_NO_HAZARDS] = "깜박임, 소리, 움직임으로 인한 위험이 없습니다.",
		[A11Y_MOVING] = "일부 이미지는 움직이며 깜박일 수 있습니다. 소리는 없습니다.",
		[A11Y_MEDIA] = "소리나 동영상이 있으며, 그 위험 요소는 알 수 없습니다.",
	},
};

/* ---- language tags ---- */

static enum lang
lang_of(const char *lang)
{
	static const struct {
		const char *code;
		enum lang lang;
	} codes[] = {
		{ "en", LANG_EN }, { "de", LANG_DE }, { "fr", LANG_FR },
		{ "es", LANG_ES }, { "it", LANG_IT }, { "pt", LANG_PT },
		{ "nl", LANG_NL }, { "pl", LANG_PL }, { "ru", LANG_RU },
		{ "uk", LANG_UK }, { "ar", LANG_AR }, { "he", LANG_HE },
		{ "iw", LANG_HE }, { "ja", LANG_JA }, { "ko", LANG_KO },
	};

	if (lang_primary_is(lang, "zh"))
		return lang_is_traditional_chinese(lang) ? LANG_ZH_HANT : LANG_ZH_HANS;
	for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++)
		if (lang_primary_is(lang, codes[i].code))
			return codes[i].lang;
	return LANG_NONE;
}

const char *
labels_builtin(const char *lang, enum label_id id)
{
	if ((int)id < 0 || id >= LABEL_COUNT)
		return "";
	enum lang l = lang_of(lang);
	if (l == LANG_NONE)
		l = LANG_EN;
	const char *s = tables[l][id];
	return s != NULL ? s : tables[LANG_EN][id];
}

const char *
labels_a11y(const char *lang, enum a11y_sentence id)
{
	enum lang l = lang_of(lang);
	if (l == LANG_NONE || (int)id < 0 || id >= A11Y_COUNT)
		return NULL;
	return a11y_tables[l][id];
}

const char *
labels_sentence_gap(const char *lang)
{
	enum lang l = lang_of(lang);
	return l == LANG_JA || l == LANG_ZH_HANS || l == LANG_ZH_HANT ? "" : " ";
}

bool
labels_has_language(const char *lang)
{
	return lang_of(lang) != LANG_NONE;
}

const char *
labels_key(enum label_id id)
{
	if ((int)id < 0 || id >= LABEL_COUNT)
		return "";
	return keys[id];
}

bool
labels_id_from_key(const char *key, enum label_id *id)
{
	if (key == NULL)
		return false;
	for (int i = 0; i < LABEL_COUNT; i++) {
		if (strcmp(keys[i], key) == 0) {
			if (id != NULL)
				*id = (enum label_id)i;
			return true;
		}
	}
	return false;
}

/* ---- dates ---- */

static const char *const months_en[12] = {
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December",
};
static const char *const months_de[12] = {
	"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli",
	"August", "September", "Oktober", "November", "Dezember",
};
static const char *const months_fr[12] = {
	"janvier", "février", "mars", "avril", "mai", "juin", "juillet",
	"août", "septembre", "octobre", "novembre", "décembre",
};
static const char *const months_es[12] = {
	"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio",
	"agosto", "septiembre", "octubre", "noviembre", "diciembre",
};
static const char *const months_it[12] = {
	"gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio",
	"agosto", "settembre", "ottobre", "novembre", "dicembre",
};
static const char *const months_pt[12] = {
	"janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho",
	"agosto", "setembro", "outubro", "novembro", "dezembro",
};
static const char *const months_nl[12] = {
	"januari", "februari", "maart", "april", "mei", "juni", "juli",
	"augustus", "september", "oktober", "november", "december",
};
static const char *const months_pl_nom[12] = {
	"styczeń", "luty", "marzec", "kwiecień", "maj", "czerwiec", "lipiec",
	"sierpień", "wrzesień", "październik", "listopad", "grudzień",
};
static const char *const months_pl_gen[12] = {
	"stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca",
	"sierpnia", "września", "października", "listopada", "grudnia",
};
static const char *const months_ru_nom[12] = {
	"январь", "февраль", "март", "апрель", "май", "июнь", "июль",
	"август", "сентябрь", "октябрь", "ноябрь", "декабрь",
};
static const char *const months_ru_gen[12] = {
	"января", "февраля", "марта", "апреля", "мая", "июня", "июля",
	"августа", "сентября", "октября", "ноября", "декабря",
};
static const char *const months_uk_nom[12] = {
	"січень", "лютий", "березень", "квітень", "травень", "червень",
	"липень", "серпень", "вересень", "жовтень", "листопад", "грудень",
};
static const char *const months_uk_gen[12] = {
	"січня", "лютого", "березня", "квітня", "травня", "червня", "липня",
	"серпня", "вересня", "жовтня", "листопада", "грудня",
};
static const char *const months_ar[12] = {
	"يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو",
	"أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر",
};
static const char *const months_he[12] = {
	"ינואר", "פברואר", "מרץ", "אפריל", "מאי", "יוני", "יולי",
	"אוגוסט", "ספטמבר", "אוקטובר", "נובמבר", "דצמבר",
};

char *
labels_format_date(const char *lang, int year, int month, int day)
{
	enum lang l = lang_of(lang);
	if (l == LANG_NONE)
		l = LANG_EN;
	if (month < 1 || month > 12)
		month = 0;
	if (month == 0 || day < 1 || day > 31)
		day = 0;
	int m = month - 1;

	if (month == 0) {
		switch (l) {
		case LANG_RU:
			return xasprintf("%d г.", year);
		case LANG_UK:
			return xasprintf("%d р.", year);
		case LANG_JA:
		case LANG_ZH_HANS:
		case LANG_ZH_HANT:
			return xasprintf("%d年", year);
		case LANG_KO:
			return xasprintf("%d년", year);
		default:
			return xasprintf("%d", year);
		}
	}

	if (day == 0) {
		switch (l) {
		case LANG_DE:
			return xasprintf("%s %d", months_de[m], year);
		case LANG_FR:
			return xasprintf("%s %d", months_fr[m], year);
		case LANG_ES:
			return xasprintf("%s de %d", months_es[m], year);
		case LANG_IT:
			return xasprintf("%s %d", months_it[m], year);
		case LANG_PT:
			return xasprintf("%s de %d", months_pt[m], year);
		case LANG_NL:
			return xasprintf("%s %d", months_nl[m], year);
		case LANG_PL:
			return xasprintf("%s %d", months_pl_nom[m], year);
		case LANG_RU:
			return xasprintf("%s %d г.", months_ru_nom[m], year);
		case LANG_UK:
			return xasprintf("%s %d р.", months_uk_nom[m], year);
		case LANG_AR:
			return xasprintf("%s %d", months_ar[m], year);
		case LANG_HE:
			return xasprintf("%s %d", months_he[m], year);
		case LANG_JA:
		case LANG_ZH_HANS:
		case LANG_ZH_HANT:
			return xasprintf("%d年%d月", year, month);
		case LANG_KO:
			return xasprintf("%d년 %d월", year, month);
		default:
			return xasprintf("%s %d", months_en[m], year);
		}
	}

	switch (l) {
	case LANG_DE:
		return xasprintf("%d. %s %d", day, months_de[m], year);
	case LANG_FR:
		if (day == 1)
			return xasprintf("1er %s %d", months_fr[m], year);
		return xasprintf("%d %s %d", day, months_fr[m], year);
	case LANG_ES:
		return xasprintf("%d de %s de %d", day, months_es[m], year);
	case LANG_IT:
		return xasprintf("%d %s %d", day, months_it[m], year);
	case LANG_PT:
		return xasprintf("%d de %s de %d", day, months_pt[m], year);
	case LANG_NL:
		return xasprintf("%d %s %d", day, months_nl[m], year);
	case LANG_PL:
		return xasprintf("%d %s %d", day, months_pl_gen[m], year);
	case LANG_RU:
		return xasprintf("%d %s %d г.", day, months_ru_gen[m], year);
	case LANG_UK:
		return xasprintf("%d %s %d р.", day, months_uk_gen[m], year);
	case LANG_AR:
		return xasprintf("%d %s %d", day, months_ar[m], year);
	case LANG_HE:
		return xasprintf("%d ב%s %d", day, months_he[m], year);
	case LANG_JA:
	case LANG_ZH_HANS:
	case LANG_ZH_HANT:
		return xasprintf("%d年%d月%d日", year, month, day);
	case LANG_KO:
		return xasprintf("%d년 %d월 %d일", year, month, day);
	default:
		return xasprintf("%d %s %d", day, months_en[m], year);
	}
}
