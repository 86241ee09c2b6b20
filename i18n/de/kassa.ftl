## Fehler der Zahlungslogik

error-invalid = Nicht gesendet: { $detail }
error-timeout = Payconiq hat nicht rechtzeitig geantwortet.
error-network = Keine Verbindung zu Payconiq. Prüfen Sie das Netzwerk.
error-signature = Die Antwort von Payconiq hat die Signaturprüfung nicht bestanden und wurde nicht verwendet ({ $detail }).
error-response = Payconiq hat eine Antwort geschickt, die Kassa nicht lesen kann.
error-config = Dafür fehlen Einstellungen: { $detail }
error-unknown-outcome = Es ist unklar, ob die Zahlung angelegt wurde. Prüfen Sie den Zahlungsverlauf, bevor Sie erneut kassieren.
error-payment-not-pending = Diese Zahlung kann nicht mehr abgebrochen werden: Der Kunde hat sie bereits bestätigt.
error-payment-not-found = Payconiq kennt diese Zahlung nicht.
error-payment-voided = Diese Zahlung wurde bereits storniert.
checkout-void-too-late = Die Zahlung wurde abgeschlossen, bevor die Stornierung ankam: Sie ist bezahlt, nicht storniert.
error-void-not-pending = Diese Zahlung wartet nicht mehr auf Abschluss oder Stornierung: Sie wurde bereits storniert oder abgeschlossen.
error-unauthorized = Payconiq hat die Zugangsdaten abgelehnt. Prüfen Sie den API-Schlüssel oder den Signaturschlüssel in den Einstellungen.
error-access-denied = Diese Zugangsdaten dürfen das nicht.
error-rejected-field = Payconiq hat die Anfrage abgelehnt: Eine gesendete Angabe fehlt oder wird nicht akzeptiert.
error-invalid-refund-amount = Die Erstattung ist höher als der noch erstattbare Betrag dieser Zahlung.
error-refund-conflict = Diese Erstattungsanfrage wurde bereits mit anderen Angaben verwendet. Beginnen Sie eine neue Erstattung.
error-iban-not-available = Das Konto des Kunden ist noch nicht bekannt (meist ein bis zwei Tage nach der Zahlung). Versuchen Sie die Erstattung später.
error-refund-not-possible = Payconiq kann diese Zahlung gerade nicht erstatten (zum Beispiel, weil sie noch ausgezahlt wird). Versuchen Sie es morgen erneut oder erstatten Sie per Überweisung an die IBAN des Kunden.
error-refund-not-allowed = Erstattungen sind für dieses Händlerprofil nicht aktiviert. Bitten Sie den Händlersupport von Payconiq (Bancontact), sie zu aktivieren; erstatten Sie bis dahin per Überweisung an die IBAN des Kunden.
error-refund-not-found = Payconiq kennt diese Erstattung nicht.
error-payout-not-found = Payconiq kennt diese Auszahlung nicht.
error-profile-not-found = Das Zahlungsprofil existiert nicht. Prüfen Sie die Profil-ID in den Einstellungen.
error-unable-to-pay-creditor = Payconiq kann diesen Händler gerade nicht bezahlen. Wenden Sie sich an den Payconiq-Support.
error-not-allowed-to-cancel = Diese Zahlung darf an dieser Kasse nicht abgebrochen werden.
error-rate-limited = Derzeit zu viele Anfragen an Payconiq.
error-provider-down = Payconiq hat derzeit Probleme.
error-other = Payconiq hat die Anfrage abgelehnt.

## Kommandozeile

cli-sandbox-failed = Die Sandbox konnte nicht starten: { $detail }
cli-sandbox-running =
    Kassa-Sandbox läuft (kein echtes Geld).
      API-Basis:    { $base }
      JWKS:         { $jwks }
      Händler-ID:   { $merchant }
      Profil-ID:    { $profile }
      API-Schlüssel: { $apikey }
      D24-Basis:    { $d24base }
      D24 X-Login:  { $d24login }
      D24-Geheimnis: { $d24secret }
      D24-Einzahlungen: { $d24deposits }
    Mit Strg-C beenden.
cli-keychain-unavailable = Der Schlüssel konnte nicht im Schlüsselbund des Systems gespeichert werden ({ $detail }). Mit --out DATEI können Sie ihn exportieren.
cli-keychain-place = dem Schlüsselbund des Systems (Dienst { $service }, Eintrag { $entry })
cli-keys-host-this = Veröffentlichen Sie dieses öffentliche JWKS unter einer öffentlichen https-URL und geben Sie Payconiq diese URL (Schlüssel-ID { $kid }):
cli-keys-private-at = Der private Schlüssel liegt in { $place }.
cli-callback-valid = Gültig: signiert mit Schlüssel { $kid } am { $iat } für { $path } (Profil { $sub }).
cli-callback-invalid = Ungültig: { $reason }
cli-keychain-check-ok = Der Schlüsselbund des Systems funktioniert: Ein Test-API-Schlüssel wurde gespeichert, gelesen und gelöscht.
cli-keychain-check-failed = Der Schlüsselbund des Systems funktioniert hier nicht: { $detail }
cli-qr-extension = Die Ausgabedatei muss auf .png oder .svg enden.
cli-qr-written = { $path } geschrieben (Größe { $size }).
cli-read-failed = { $path } kann nicht gelesen werden: { $detail }
cli-write-failed = { $path } kann nicht geschrieben werden: { $detail }
cli-not-a-file = { $path } ist keine gewöhnliche Datei (ein Gerät, eine Pipe oder ein Ordner wird nicht gelesen)
cli-file-too-big = { $path } ist größer als { $limit } KiB: nicht gelesen
cli-file-exists = { $path } gibt es schon: wählen Sie einen anderen Namen (nichts wird überschrieben)
cli-keys-same-file = --out und --jwks-out nennen dieselbe Datei: der private Schlüssel und der öffentliche Schlüsselsatz gehören in zwei Dateien
cli-kid-invalid = Die Schlüssel-ID muss aus 1 bis 64 Buchstaben, Ziffern, Punkten, Bindestrichen oder Unterstrichen bestehen.

## Das Kassenfenster

app-title = Kassa
app-starting = Wird gestartet…
app-start-failed = Kassa konnte nicht starten: { $detail }
app-no-data-dir = Kassa fand auf diesem System keinen Ordner für seine Daten; setzen Sie KASSA_DATA_DIR.
app-blocked-title = Diese Kasse kann gerade keine Zahlungen annehmen
app-blocked-why = Das Konto { $account } ist nicht nutzbar. { $detail }
app-blocked-what-to-do = Es wird nichts kassiert, und die Kasse wechselt nicht stattdessen in die Sandbox. Ist der Schlüsselbund gesperrt, entsperren Sie ihn (an der Desktop-Sitzung anmelden) und tippen Sie auf Erneut versuchen. Fehlt ein Schlüssel oder eine ID, öffnen Sie die Einstellungen mit der Verwaltungs-PIN und tragen Sie ihn ein.
app-blocked-retrying = Wird versucht…
app-settings-stopped-title = Kassa startet nicht mit diesen Einstellungen
app-settings-stopped = Die Einstellungsdatei { $path } ist nicht lesbar: { $detail }. Sie bleibt genau so, wie sie ist.
app-settings-stopped-what-to-do = Ohne sie kennt die Kasse weder ihr Konto noch ihre Verwaltungs-PIN und nimmt keine Zahlungen an. Stellen Sie die Datei aus einer Sicherung wieder her (oder reparieren Sie sie) und starten Sie Kassa neu. Oder richten Sie diese Kasse neu ein: Die Datei wird beiseitegelegt, die im Schlüsselbund gespeicherten Schlüssel dieser Kasse werden vergessen, und die Kasse startet in der Sandbox ohne PIN, um neu eingerichtet zu werden.
app-start-afresh = Diese Kasse neu einrichten (vergisst ihre Schlüssel)
app-blocked-retry = Erneut versuchen
app-blocked-settings = Einstellungen…
app-sandbox-banner = Sandbox — kein echtes Geld
till-description = Beschreibung (optional)
till-reference = Referenz (optional)
till-charge = Kassieren
till-clear = Löschen
till-creating = Zahlung wird angelegt…
till-enter-amount = Geben Sie zuerst einen Betrag ein.
till-amount-too-small = Der Betrag muss mindestens { $min } sein.
till-amount-too-large = Der Betrag darf höchstens { $max } sein.
till-amount-decimals = Ein Betrag hat höchstens zwei Nachkommastellen.
till-amount-malformed = Das ist kein Betrag.
field-too-long = { $field }: { $len } Zeichen; höchstens { $max } sind erlaubt.
field-bad-character = { $field }: „{ $found }“ (Zeichen { $position }) ist in einer Banküberweisung nicht erlaubt.

## Bezahlen

step-waiting = Warten auf Scan
step-scanned = Gescannt
step-authorized = Autorisiert
step-paid = Bezahlt
status-to-complete = Bezahlt, abzuschließen
checkout-scan-qr = Bitten Sie den Kunden, den Code mit der Payconiq- oder Banking-App zu scannen.
checkout-scan-sticker = Bitten Sie den Kunden, den Aufkleber zu scannen.
checkout-sticker-hint = Bitten Sie den Kunden, den Aufkleber zu scannen
checkout-scanned = Der Kunde hat den Code gescannt und bestätigt gerade auf dem Telefon.
checkout-authorizing = Die Bank autorisiert die Zahlung.
checkout-needs-ack = Der Kunde hat bezahlt. Schließen Sie den Verkauf ab oder stornieren Sie ihn.
checkout-expires-in = Läuft ab in { $time }
checkout-offline = Offline — neuer Versuch
checkout-cancel = Zahlung abbrechen
checkout-confirm-cancel = Der Kunde hat den Code bereits gescannt. Trotzdem abbrechen?
checkout-keep-waiting = Weiter warten
checkout-cancel-anyway = Zahlung abbrechen
checkout-complete = Verkauf abschließen
checkout-void = Stornieren
checkout-cancelling = Wird abgebrochen…
checkout-completing = Wird abgeschlossen…
checkout-voiding = Wird storniert…
final-paid = Bezahlt
final-cancelled = Abgebrochen
final-expired = Abgelaufen
final-authorization-failed = Zahlung abgelehnt
final-authorization-failed-why = Die Bank des Kunden hat die Zahlung abgelehnt (zum Beispiel fehlende Deckung oder ein Limit).
final-failed = Zahlung fehlgeschlagen
final-failed-why = Beim Bestätigen ist etwas schiefgegangen. Es wurde nichts belastet.
final-voided = Storniert
final-voided-why = Der Kunde bekommt das Geld zurück.
final-tip = Inklusive { $tip } Trinkgeld
final-try-again = Erneut versuchen
final-new-sale = Neuer Verkauf

## Simuliertes Kundentelefon

phone-title = Kundentelefon (Sandbox)
phone-hint = Spielen Sie den Kunden für die Zahlung auf dem Bildschirm.
phone-scan = Code scannen
phone-tip = Trinkgeld
phone-confirm = Bezahlen
phone-decline = Ablehnen
phone-insufficient = Fehlende Deckung
phone-expire = Ablaufen lassen
phone-void-off = Storno-Profil: aus
phone-void-on = Storno-Profil: an

## Kundenanzeige

display-title = Kassa — Kundenanzeige
display-show = Kundenanzeige
display-hide = Kundenanzeige ausblenden
display-welcome = Willkommen
display-scan = Mit der Payconiq- oder Banking-App scannen
display-confirm-on-phone = Bestätigen Sie die Zahlung auf Ihrem Telefon
display-processing = Wird verarbeitet…
display-thanks = Vielen Dank!
display-not-paid = Zahlung nicht abgeschlossen

## Verwaltungssperre

manager-open = Verwaltung
manager-lock-now = Jetzt sperren
lock-title = Verwaltung
lock-enter-pin = Geben Sie die Verwaltungs-PIN ein.
lock-choose-pin = Wählen Sie eine Verwaltungs-PIN (4 bis 8 Ziffern).
lock-repeat-pin = Geben Sie dieselbe PIN noch einmal ein.
lock-wrong-pin = Falsche PIN.
lock-pin-format = Eine PIN hat 4 bis 8 Ziffern.
lock-pins-differ = Die beiden PINs unterscheiden sich. Bitte neu beginnen.
lock-back = Zurück zur Kasse
lock-unlock = Entsperren

## Einstellungen

settings-section-account = Konto
settings-section-till = Kasse
settings-section-manager = Verwaltung
settings-environment = Umgebung
settings-api-base = API-Basis-URL
settings-reconciliation-base = Basis-URL für den Abgleich
settings-jwks-url = JWKS-URL des Anbieters
settings-payload-base = Host für QR-Inhalte
settings-auth = Zahlungen signieren mit
settings-auth-api-key = API-Schlüssel
settings-auth-jws = Signaturschlüssel (JWS)
settings-merchant-id = Händler-ID
settings-profile-id = Zahlungsprofil-ID
settings-api-key = API-Schlüssel
settings-key-id = Schlüssel-ID (kid)
settings-signing-key = Signaturschlüssel
settings-stored = im Schlüsselbund gespeichert
settings-not-stored = nicht festgelegt
settings-import-key = Schlüssel importieren…
settings-generate-key = Schlüssel erzeugen
settings-host-jwks = Veröffentlichen Sie dieses öffentliche JWKS unter einer öffentlichen https-URL und geben Sie Payconiq diese URL:
settings-save-jwks = JWKS speichern…
settings-callback-url = Callback-URL (optional)
settings-pay-mode = Kunden bezahlen über
settings-pay-dynamic = QR-Code auf dem Bildschirm
settings-pay-sticker = Den Aufkleber des Geschäfts
settings-pos-id = POS-ID
settings-shop-id = Geschäfts-ID
settings-shop-name = Geschäftsname
settings-shop = Geschäft (Kopf der Berichte)
settings-shop-address = Adresse
settings-shop-vat = USt-IdNr.
settings-qr-size = QR-Größe
settings-qr-colour = QR-Farbe
settings-colour-magenta = Magenta
settings-colour-black = Schwarz
settings-customer-display = Kundenanzeige beim Start
settings-on = An
settings-off = Aus
settings-language = Sprache
settings-language-system = Wie das System
settings-lock-minutes = Sperren nach (Minuten)
settings-change-pin = PIN ändern
settings-close = Schließen
settings-test = Verbindung testen
settings-save = Speichern
settings-saved = Gespeichert.
settings-testing = Verbindung wird getestet…
settings-test-ok = Verbunden mit { $environment }: Die Zugangsdaten wurden angenommen.
settings-bad-url = { $field } muss eine https://-Adresse sein (einfaches http:// nur zu diesem Computer).
settings-missing-ids = Tragen Sie Händler-ID und Zahlungsprofil-ID ein.
settings-missing-api-key = Geben Sie den API-Schlüssel ein.
settings-missing-signing-key = Importieren oder erzeugen Sie zuerst einen Signaturschlüssel.
settings-no-keychain = Der Schlüssel konnte nicht gespeichert werden, daher wurde nichts gespeichert. { $detail }
settings-key-stored = Der Signaturschlüssel ist im Schlüsselbund gespeichert.
settings-no-file = Es wurde keine Datei gewählt.
settings-key-unreadable = Diese Datei ist kein Schlüssel.
settings-jwks-saved = Gespeichert unter { $path }.
env-sandbox = Sandbox (eingebaut, kein echtes Geld)
env-bancontact-prod = Bancontact Payconiq — Produktion
env-bancontact-preprod = Bancontact Payconiq — Vorproduktion
env-payconiq-prod = Payconiq (alt) — Produktion
env-payconiq-ext = Payconiq (alt) — EXT-Test
env-custom = Eigene URLs

## Aufkleber und heutige Verkäufe

sticker-open = Aufkleber…
sticker-title = Der QR-Aufkleber des Geschäfts
sticker-save-png = PNG speichern…
sticker-save-svg = SVG speichern…
sticker-missing-ids = Legen Sie zuerst Zahlungsprofil-ID und POS-ID in den Einstellungen fest.
today-open = Heutige Verkäufe
today-title = Heutige Verkäufe
today-refresh = Aktualisieren
today-loading = Wird geladen…
today-none = Heute noch keine Zahlungen.
today-total = Heute bezahlt: { $total }
sales-col-time = Uhrzeit
sales-col-date = Datum
sales-col-amount = Gesamt
sales-col-tip = Trinkgeld
sales-col-status = Status
sales-col-sale = Verkauf
today-total-tips = Heute bezahlt: { $total }, davon { $tips } Trinkgeld
journal-corrupt = Das Verkaufsjournal { $path } ist beschädigt. Kassa kassiert nicht ohne Journal. Es kann die beschädigte Datei beiseitelegen (sie bleibt erhalten) und ein neues beginnen.
journal-full = Die Festplatte ist voll: Das Verkaufsjournal kann keinen Verkauf erfassen, daher kassiert Kassa nicht. Schaffen Sie Platz und versuchen Sie es erneut.
journal-read-only = Das Verkaufsjournal kann nicht geschrieben werden ({ $detail }), daher kassiert Kassa nicht.
journal-newer = Das Verkaufsjournal wurde von einer neueren Kassa-Version geschrieben. Installieren Sie diese Version erneut.
journal-other = Das Verkaufsjournal ist nicht nutzbar ({ $detail }), daher kassiert Kassa nicht.
journal-duplicate = Die Referenz { $reference } wurde bereits für einen anderen Verkauf verwendet. Geben Sie eine andere ein oder lassen Sie das Feld leer.
journal-opening = Das Verkaufsjournal wird noch geöffnet.
journal-set-aside = Beiseitelegen und ein neues Journal beginnen
unknown-title = Ergebnis unbekannt — wird geprüft
unknown-reference = Referenz { $reference }
unknown-why = Payconiq hat nicht gemeldet, ob diese Zahlung angelegt wurde. Kassa sucht sie über ihre Referenz. Kassieren Sie diesen Verkauf nicht erneut, bis das geklärt ist.
unknown-checks = { $count ->
    [0] Erste Suche läuft…
    [one] Einmal gesucht; gleich erneut.
   *[other] { $count }-mal gesucht; gleich erneut.
}
unknown-leave = Zurück zur Kasse
unknown-leave-question = Der Kunde kann diesen Verkauf noch bezahlen. Er bleibt unter „Zu prüfen“ und Kassa sucht weiter.
unknown-stay = Hier warten
unknown-leave-anyway = Trotzdem zurück zur Kasse
unknown-not-created = Die Zahlung wurde nicht angelegt: Es wurde nichts kassiert. Sie können diesen Verkauf erneut kassieren.
attention-title = Zu prüfen
attention-unknown = Ergebnis unbekannt — wird geprüft
attention-checking = Status wird geprüft…
attention-reopen = Wieder öffnen
attention-dismiss = OK
attention-ended = { $status }, während Kassa nicht zusah
attention-more = und { $count } weitere
today-elsewhere = andere Kasse, Aufkleber oder Rechnung
cli-keys-exists = Der Schlüsselbund enthält bereits einen Signaturschlüssel; sein öffentlicher Schlüssel ist womöglich bei Payconiq registriert. Mit --force ersetzen oder mit --out einen neuen Schlüssel in eine Datei schreiben.
journal-retry = Erneut versuchen
till-digit-refused = Nicht übernommen: Der Betrag darf höchstens { $max } sein.
till-decimal-refused = Nicht übernommen: Ein Betrag hat höchstens zwei Nachkommastellen.
checkout-confirm-void = Diese Zahlung stornieren? Der Kunde erhält { $total } zurück.
checkout-keep-payment = Zahlung behalten
checkout-void-anyway = Stornieren und Geld zurückgeben
final-cancelled-here = Hier an der Kasse abgebrochen. Es wurde nichts belastet.
final-declined-why = Der Kunde hat die Zahlung auf dem Telefon abgebrochen. Es wurde nichts belastet.
final-nothing-charged = Es wurde nichts belastet.
final-expired-why = Niemand hat rechtzeitig bezahlt. Es wurde nichts belastet.
settings-unsaved = Es gibt ungespeicherte Änderungen. Ohne Speichern schließen?
settings-keep-editing = Weiter bearbeiten
settings-discard = Ohne Speichern schließen
lock-locked = Zu viele falsche PINs. Die Eingabe ist bis { $time } gesperrt.
lock-wrong-pin-left = Falsche PIN. { $left ->
    [one] Nach einer weiteren falschen PIN
   *[other] Nach { $left } weiteren falschen PINs
} wird die Eingabe eine Weile gesperrt.
file-no-dialog = Dieser Computer kann kein Dateifenster anzeigen (installieren Sie zenity oder ein Desktop-Portal). Geben Sie stattdessen den vollständigen Dateipfad ein:
file-path = Pfad, z. B. ~/Dokumente/datei.png
file-cancel = Abbrechen
file-save-here = Hier speichern
file-open-this = Diese Datei öffnen
file-io = Die Datei konnte nicht verwendet werden: { $detail }
keychain-no-service = Auf diesem Computer läuft kein Schlüsselbund (unter Linux: gnome-keyring oder KWallet). Melden Sie sich in einer Desktop-Sitzung mit Schlüsselbund an oder installieren Sie gnome-keyring und versuchen Sie es erneut.
keychain-locked = Der Schlüsselbund ist gesperrt oder hat den Zugriff verweigert. Entsperren Sie ihn (neu anmelden oder die App Passwörter und Verschlüsselung öffnen), erlauben Sie Kassa den Zugriff und versuchen Sie es erneut.
keychain-failed = Der Schlüsselbund hat abgelehnt: { $detail }
invoice-open = Rechnungs-QR
invoice-title = QR-Code für eine Rechnung
invoice-hint = Für Kunden, die später zahlen: auf Rechnung oder Beleg drucken. Die Zahlung erscheint nach dem Bezahlen unter Heutige Verkäufe.
invoice-amount = Betrag
invoice-description = Beschreibung (höchstens 35 Zeichen)
invoice-reference = Referenz (höchstens 35 Zeichen)
invoice-enter-amount = Geben Sie den Betrag ein, um den Code zu erstellen.
invoice-control = { $field } darf keine Zeilenumbrüche oder Tabulatoren enthalten.
invoice-no-profile = Legen Sie zuerst die Zahlungsprofil-ID in den Einstellungen fest.
invoice-no-code = Der Code erscheint hier.
invoice-pay-sandbox = Der Kunde bezahlt ihn (Sandbox)
invoice-paid-sandbox = In der Sandbox bezahlt: { $amount }. Sie steht unter Heutige Verkäufe.
today-cancel = Abbrechen
today-cancel-question = Danach kann niemand sie mehr bezahlen.
today-keep = Behalten
today-cancel-it = Abbrechen
today-cancelling = Wird abgebrochen…
today-cancelled = Die Zahlung ist abgebrochen: Niemand kann sie mehr bezahlen.
history-title = Zahlungsverlauf
history-open-button = Zahlungsverlauf
history-settings = Einstellungen…
history-range-today = Heute
history-range-days = Letzte { $days } Tage
history-status-all = Alle Status
history-status-paid = Bezahlt
history-status-open = Noch offen
history-status-not-paid = Nicht bezahlt
history-search = Referenz, Beschreibung oder Betrag suchen
history-payment-id = Oder eine Zahlungs-ID eingeben
history-open = Öffnen
history-none = Keine passenden Zahlungen.
history-count = { $shown ->
    [one] 1 Zahlung
   *[other] { $shown } Zahlungen
} angezeigt · bezahlt { $paid }
detail-title = Zahlung
detail-back = Zurück
detail-status = Status
detail-amount = Betrag
detail-tip = Trinkgeld
detail-total = Insgesamt bezahlt
detail-description = Beschreibung
detail-reference = Referenz
detail-payment-id = Zahlungs-ID
detail-created = Erstellt
detail-paid-at = Bezahlt am
detail-customer = Kunde
detail-the-customer = den Kunden
detail-journal = Von dieser Kasse gesehen
detail-not-this-till = Nicht an dieser Kasse kassiert (andere Kasse, Aufkleber oder Rechnungs-QR).
detail-not-created = Nie erstellt
detail-refunds = Erstattungen
detail-no-refunds = Keine von dieser Kasse.
detail-balance = Bezahlt { $paid } · erstattet { $refunded } · erstattbar { $remaining }
detail-iban-for-refund = Konto des Kunden für eine manuelle Erstattung:
detail-copy = Kopieren
detail-refunding = Wird erstattet…
detail-asking-iban = IBAN des Kunden wird abgefragt…
detail-iban-copied = Die IBAN ist in der Zwischenablage.
detail-get-iban = IBAN des Kunden
detail-refund = Erstatten…
refund-needs-key = Erstattungen werden mit dem Signaturschlüssel des Händlers signiert, der nicht eingerichtet ist. Importieren oder erzeugen Sie ihn unter Einstellungen → Signaturschlüssel.
refund-left = Erstattbar: { $remaining }
refund-amount = Betrag
refund-description = Beschreibung (optional)
refund-next = Weiter
refund-review = { $amount } an { $customer } erstatten? Das Geld wird zurückgesendet; das lässt sich nicht rückgängig machen.
refund-review-description = Beschreibung: „{ $description }“
refund-edit = Ändern
refund-confirm = Jetzt erstatten
refund-sent = Erstattung von { $amount } angefordert; der Status steht unter Erstattungen.
refund-unknown = Keine klare Antwort: Die Erstattung ist vielleicht erfolgt. Kassa fragt mit demselben Schlüssel erneut, sie erfolgt also nie doppelt.
refund-not-paid = Nur eine bezahlte Zahlung kann erstattet werden (diese ist: { $status }).
refund-nothing = Geben Sie einen Betrag zur Erstattung ein.
refund-too-much = Höchstens { $remaining } kann noch erstattet werden.
refund-state-pending = ausstehend
refund-state-refunded = erstattet
refund-state-failed = fehlgeschlagen — das Geld bleibt beim Geschäft
refund-state-unanswered = noch keine Antwort — mit demselben Schlüssel erneut angefragt
refund-state-refused = abgelehnt: { $detail }
detail-cancelled = Abgebrochen: Niemand kann sie mehr bezahlen.
detail-done = Erledigt.
journal-needed = Das Journal ist nicht geöffnet, daher kann nichts geschehen, was Geld bewegt. Siehe den Hinweis oben.
detail-not-found = Keine Zahlung mit dieser ID gefunden.
history-from = Von JJJJ-MM-TT
history-to = Bis JJJJ-MM-TT
history-show = Anzeigen
history-bad-period = Geben Sie beide Daten als JJJJ-MM-TT ein, das erste nicht nach dem zweiten.
payouts-period-too-long = Ein Zeitraum von { $days } Tagen ist zu lang: Auszahlungen werden tageweise abgefragt, höchstens 366 Tage auf einmal.
payouts-period-too-early = Payconiq hat vor 2014 nichts ausgezahlt: wählen Sie einen späteren ersten Tag.
payouts-period-future = Der Zeitraum endet nach heute: es ist noch nichts ausgezahlt.
cli-sandbox-not-here = --sandbox nennt eine Sandbox auf diesem Computer (http://127.0.0.1:PORT oder localhost), nicht { $url }.
cli-payouts-progress = Auszahlungen: { $done } von { $total } Tagen gelesen…
history-reminder = Erneut zu versuchen: Eine Erstattung von { $amount } (angefordert am { $day }) wartete auf das Konto des Kunden bei seiner Bank.
history-check-by-hand = Von Hand prüfen: Eine Erstattung über { $amount } zur Zahlung { $payment } (angefordert am { $day }, Schlüssel { $key }) ist seit über 24 Stunden ohne Antwort; sehen Sie im Händlerportal nach, bevor Sie erneut erstatten.
shift-open-button = Kassenbericht…
shift-title = Kassenbericht
shift-x-title = X-Bericht — Schicht { $number } (noch offen)
shift-z-title = Z-Bericht Nr. { $number } — Schicht abgeschlossen
shift-period = Von { $from } bis { $until }
shift-paid = Bezahlt (inkl. Trinkgeld)
shift-tips = davon Trinkgeld
shift-cancelled = Abgebrochen oder storniert
shift-expired = Abgelaufen
shift-failed = Abgelehnt oder fehlgeschlagen
shift-open = Noch offen oder unbekannt
shift-refunded = Erstattet
shift-net = Nettoeinnahmen
shift-x = X-Bericht
shift-vat = USt-IdNr. { $vat }
shift-z = Schicht abschließen (Z-Bericht)…
shift-save-csv = CSV speichern…
shift-close-question = Diese Schicht abschließen? Der Z-Bericht erhält die nächste Nummer und die Schicht kann nicht wieder geöffnet werden.
shift-close-open-sales = { $count ->
    [one] Ein Verkauf ist noch offen ({ $amount }): Wird er später bezahlt, zählt er in der nächsten Schicht.
   *[other] { $count } Verkäufe sind noch offen ({ $amount }): Später bezahlte zählen in der nächsten Schicht.
}
shift-keep-open = Offen lassen
shift-close-now = Schicht abschließen
payouts-open-button = Auszahlungen…
payouts-title = Auszahlungen
payouts-loading = { $done } von { $all } Tagen geladen
payouts-line = { $payments ->
    [one] 1 Zahlung
   *[other] { $payments } Zahlungen
}, { $refunds ->
    [one] 1 Erstattung
   *[other] { $refunds } Erstattungen
}
payouts-total = { $count ->
    [one] 1 Auszahlung
   *[other] { $count } Auszahlungen
} · { $total } ausgezahlt
payouts-drill-title = Auszahlung vom { $day }: { $amount }
payouts-sums = Zahlungen { $payments } − Erstattungen { $refunds } = ausgezahlt { $payout }
payouts-ok = Alles stimmt, und jede Zahlung stammt von dieser Kasse.
payouts-bad-payout = Stimmt nicht: Zahlungen minus Erstattungen ergeben { $expected }, ausgezahlt wurden aber { $stated }.
payouts-bad-payments = Die aufgeführten Zahlungen ergeben { $listed }, nicht die angegebenen { $stated }.
payouts-bad-refunds = Die aufgeführten Erstattungen ergeben { $listed }, nicht die angegebenen { $stated }.
shift-z-short = Z-Bericht Nr.
shift-session = Schicht
shift-from = Von
shift-until = Bis
shift-printed = Gedruckt
shift-save-pdf = PDF speichern…
shift-earlier-z = Z-Bericht Nr. { $number }
shift-earlier-open = einer früheren Schicht
shift-carried-paid = { $reference }: gebucht in { $earlier }, in dieser Schicht bezahlt ({ $amount })
shift-carried-refund-undone = Die Erstattung zu { $payment }, gezählt in { $earlier }, kam nicht zustande: { $amount } zurückgebucht
shift-check-by-hand = VON HAND PRÜFEN: Erstattung über { $amount } zu { $payment } seit über 24 Stunden ohne Antwort (als erfolgt gezählt)
shift-d24-whole-deposit = ganze Einzahlung
shift-d24-line = D24-Erstattung, Einzahlung { $deposit }: { $amount } { $currency }, { $status }
shift-account-sandbox = Sandbox (Spielgeld, kein Umsatz)
shift-account-legacy = aus der Zeit vor der Trennung nach Konto
shift-account = { $host }, Profil { $profile }
shift-account-label = Konto
shift-reprint = NACHDRUCK — wie erstellt
shift-chain = Kette
shift-refunds-undone = Nicht erfolgte Erstattungen
shift-past = Frühere Z-Berichte
shift-past-none = Noch keine
shift-no-such-z = Für dieses Konto gibt es keinen Z-Bericht Nr. { $number }.
payouts-sums-ok = Die Summen stimmen: Zahlungen − Erstattungen = ausgezahlt, und die Zeilen passen zu den Summen.
payouts-all-known = Jede Zahlung wurde an dieser Kasse kassiert.
payouts-unknown-count = { $count ->
    [one] 1 Zahlung wurde
   *[other] { $count } Zahlungen wurden
} nicht an dieser Kasse kassiert (andere Kasse, Aufkleber oder Rechnungs-QR).
payouts-this-till = diese Kasse
payouts-paid-out = Ausgezahlt
payouts-failed = Fehlgeschlagen
payouts-refund-tag = Erstattung
cli-jwks-not-https = die JWKS-URL muss https sein (einfaches http nur zu diesem Rechner)
cli-jwks-private = das JWKS enthält privates Schlüsselmaterial; teilen oder verwenden Sie eine solche Datei nie als öffentlichen Schlüsselsatz — erzeugen Sie ein neues Schlüsselpaar
cli-api-no-sandbox = Diese Kasse nutzt die eingebaute Sandbox, die nur läuft, solange Kassa offen ist. Öffnen Sie Kassa oder starten Sie eine mit `kassa sandbox` und geben Sie --sandbox URL an.
cli-api-sandbox-unreachable = Unter { $url } antwortet keine Sandbox: { $detail }
cli-api-cancelled = Abbruch für Zahlung { $id } gesendet. Was die API jetzt sagt:
cli-api-bad-period = Der Zeitraum ist verkehrt: --from liegt nach --to.
cli-api-bad-date = '{ $date }' ist kein Datum: Schreiben Sie JJJJ-MM-TT (oder eine RFC-3339-Zeit bei der Zahlungssuche).
cli-api-bad-status = '{ $status }' ist kein Zahlungsstatus. Bekannt: { $known }.
cli-api-refund-key = Idempotenzschlüssel: { $key } (erneut mit --idempotency-key { $key } und gleichem Betrag fragen: nie doppelt erstattet)
cli-api-refund-key-other = Das Journal enthält bereits eine Erstattung mit dem Schlüssel { $key }: { $amount } zur Zahlung { $payment }. Fragen Sie mit genau dieser Zahlung und diesem Betrag erneut, oder lassen Sie --idempotency-key für eine neue Erstattung weg. Es wurde nichts gesendet.
cli-api-create-unknown = Die Zahlung existiert vielleicht: Sie steht im Journal der Kasse, die sie über ihre Referenz sucht, sobald die Kasse läuft.
cli-d24-key-other = Das Journal enthält bereits eine D24-Erstattung mit dem Schlüssel { $key } für die Einzahlung { $deposit }. Fragen Sie mit dieser Einzahlung erneut, oder lassen Sie --idempotency-key für eine neue Erstattung weg. Es wurde nichts gesendet.
cli-d24-key-other-request = Das Journal enthält bereits eine D24-Erstattung mit dem Schlüssel { $key } für diese Einzahlung, angefragt mit einem anderen Betrag, Bankkonto oder einer anderen Währung. Fragen Sie genau wie damals erneut an (derselbe Schlüssel erstattet nie zweimal), oder lassen Sie --idempotency-key für eine neue Erstattung weg. Es wurde nichts gesendet.
cli-api-expires = Läuft ab
cli-api-qr = QR-Inhalt
cli-api-refund-id = Erstattungs-ID
cli-api-count = { $count ->
    [one] 1 Zahlung
   *[other] { $count } Zahlungen
}
cli-api-no-payouts = Keine Auszahlungen im Zeitraum { $period }.
cli-api-payout-date = Datum
cli-api-paid-out = Ausgezahlt
cli-api-payments = Zahlungen
cli-api-payout-id = Auszahlungs-ID
cli-callback-path-unchecked = Nicht geprüft: die Callback-URL, an die er ging (--path angeben oder die Callback-URL in den Einstellungen setzen).
cli-callback-profile-unchecked = Nicht geprüft: das Zahlungsprofil (--profile angeben oder die Profil-ID in den Einstellungen setzen).
d24-error-timeout = D24 hat nicht rechtzeitig geantwortet.
d24-error-network = Keine Verbindung zu D24. Prüfen Sie das Netzwerk.
d24-error-response = D24 hat eine Antwort geschickt, die Kassa nicht lesen kann.
d24-error-config = Das D24-Konto ist unvollständig: { $detail }. Ergänzen Sie es in den Einstellungen.
d24-error-credentials = D24 kennt dieses X-Login nicht. Prüfen Sie das D24-Konto in den Einstellungen (Test- und Produktionszugänge unterscheiden sich).
d24-error-header = D24 hat die Anfrage abgelehnt: Ein Pflicht-Header fehlt oder ist fehlerhaft.
d24-error-signature = D24 hat die Signatur der Anfrage abgelehnt. Prüfen Sie den geheimen Schlüssel des D24-Kontos in den Einstellungen.
d24-error-date = D24 hat die Uhrzeit der Anfrage abgelehnt: Die Uhr dieses Computers geht falsch. Stellen Sie Datum und Uhrzeit richtig ein und versuchen Sie es erneut.
d24-error-method = D24 nimmt diese Art von Anfrage hier nicht an.
d24-error-ip = D24 hat die Internetadresse dieses Computers abgelehnt. Fügen Sie sie im D24-Händlerportal zu den erlaubten IPs hinzu.
d24-error-body = D24 konnte die Anfrage nicht lesen: { $detail }
d24-error-forbidden = Dieses D24-Händlerkonto darf keine Erstattungen über die API ausführen. Fragen Sie Ihren D24-Kundenbetreuer.
d24-error-not-found = D24 hat diese Einzahlung oder Erstattung nicht gefunden. Prüfen Sie die Einzahlungs-ID und die Rechnungs-ID.
d24-error-refunds-not-enabled = Erstattungen sind für dieses D24-Händlerkonto nicht freigeschaltet. Fragen Sie Ihren D24-Kundenbetreuer.
d24-error-deposit-not-completed = Diese Einzahlung ist nicht abgeschlossen und kann noch nicht erstattet werden.
d24-error-invalid-amount = D24 hat den Betrag abgelehnt: Er ist höher als der Rest der Einzahlung (frühere Erstattungen zählen mit) oder ungültig. Es wurde nichts erstattet.
d24-error-insufficient-funds = Das D24-Händlerguthaben reicht für diese Erstattung nicht. Es wurde nichts erstattet.
d24-error-missing-bank-account = Diese Einzahlung wurde nicht mit Karte bezahlt: D24 braucht das Bankkonto des Kunden für die Erstattung.
d24-error-refund-failed = D24 konnte die Erstattung nicht verarbeiten: { $detail } Markieren Sie sie im D24-Händlerportal zur Prüfung.
d24-error-rate-limited = D24 bittet um weniger Anfragen. Versuchen Sie es gleich noch einmal.
d24-error-provider-down = D24 hat ein Problem auf seiner Seite. Versuchen Sie es später erneut.
d24-error-other = D24 hat die Anfrage abgelehnt.
d24-problem-card-amount = Eine Karteneinzahlung wird vollständig erstattet: Lassen Sie den Betrag leer.
d24-problem-field = Prüfen Sie dieses Feld: { $field }.
d24-field-deposit = Einzahlungs-ID
d24-field-invoice = Rechnungs-ID
d24-field-amount = Betrag
d24-field-beneficiary = Kontoinhaber
d24-field-bank-code = Bankcode
d24-field-branch = Filiale
d24-field-account-number = Kontonummer
d24-field-document-id = Ausweisnummer
d24-field-comments = Kommentar
d24-field-notification-url = Benachrichtigungs-URL
d24-sandbox-needs-sandbox = Die D24-Sandbox gehört zur eingebauten Sandbox: Wählen Sie in den Einstellungen D24-Test oder -Produktion, oder betreiben Sie die Kasse in der Sandbox.
d24-missing-url = Noch keine D24-Adresse: Geben Sie die von D24 erhaltene in den Einstellungen ein.
d24-missing-login = Noch kein D24-X-Login: Geben Sie es in den Einstellungen ein.
d24-missing-secret = Noch kein geheimer D24-Schlüssel im Schlüsselbund: Geben Sie ihn in den Einstellungen ein und speichern Sie.
settings-section-d24 = Erstattungen von D24-Einzahlungen (OneKey Payments)
settings-d24-url = D24-Adresse
settings-d24-login = X-Login (API-Schlüssel)
settings-d24-secret = Geheimer Schlüssel (API Signature)
settings-d24-test = D24-Verbindung testen
settings-d24-test-ok = D24 hat geantwortet: X-Login, geheimer Schlüssel und die Uhr dieses Computers stimmen ({ $environment }).
d24-env-sandbox = Sandbox (eingebaut)
d24-env-staging = D24-Staging (Test)
d24-env-production = D24-Produktion
history-refund-button = Erstatten…
refund-title = Erstattung
refund-provider-payconiq = Payconiq-Zahlung
refund-provider-d24 = D24-Einzahlung
refund-payconiq-how = Eine Payconiq-Zahlung wird aus der Zahlung selbst erstattet: Öffnen Sie sie im Zahlungsverlauf und drücken Sie Erstatten.
d24-connecting = Verbindung zum D24-Konto…
d24-account = D24-Konto { $login } bei { $base }
d24-recent = Angeforderte D24-Erstattungen
d24-method = Bezahlt mit
d24-method-card = Karte
d24-method-other = Bar, Überweisung, Sonstiges
d24-card-whole = Eine Karteneinzahlung wird vollständig auf dieselbe Karte erstattet: Nur Einzahlungs-ID und Rechnungs-ID werden gebraucht.
d24-bank-account = Bankkonto des Kunden
d24-account-type = Kontoart
d24-account-checking = Girokonto
d24-account-saving = Sparkonto
d24-account-salary = Gehaltskonto
d24-review-amount = { $amount } erstatten? Das schickt Geld zurück und lässt sich nicht rückgängig machen.
d24-review-card = Die ganze Karteneinzahlung erstatten? Das schickt Geld zurück und lässt sich nicht rückgängig machen.
d24-review-deposit = D24-Einzahlung { $deposit }, Rechnung { $invoice }
d24-review-account = An { $beneficiary }, Konto { $account } ({ $kind }, Bank { $bank }, Filiale { $branch })
d24-refund-id = D24-Erstattungs-ID { $id }
d24-resending = Kassa sendet dieselbe Anfrage mit demselben Schlüssel alle { $seconds } Sekunden erneut, solange dieser Bildschirm offen ist, und beim nächsten Öffnen: Sie wird nie doppelt ausgeführt.
d24-following = Kassa liest den Status jede Sekunde, solange dieser Bildschirm offen ist.
d24-another = Weitere Erstattung
d24-whole-deposit = ganze Einzahlung
d24-status-completed = Abgeschlossen: Das Geld ging an den Kunden zurück.
d24-status-rejected = Abgelehnt: { $reason } Das Geld bleibt beim Geschäft.
d24-status-cancelled = Abgebrochen: Es wurde nichts erstattet.
d24-status-delivered = An die Bank gesendet: kann nicht mehr abgebrochen werden.
d24-status-incorrect-details = D24 braucht korrigierte Angaben: siehe D24-Händlerportal.
d24-status-pending = In Bearbeitung bei D24.
d24-status-unanswered = Noch keine klare Antwort von D24: Die Erstattung ist vielleicht erfolgt.
d24-status-refused = Von D24 abgelehnt: Es wurde nichts erstattet.
d24-sandbox-deposits = Sandbox-Einzahlungen zum Ausprobieren
d24-deposit-left = übrig: { $left }
d24-deposit-not-completed = nicht abgeschlossen
d24-use = Verwenden
d24-env-custom = Eigene Adresse
d24-field-currency = Währung (drei Buchstaben, z. B. EUR)
lock-next = Weiter
lock-set-pin = PIN festlegen
cli-d24-account-type = '{ $given }' ist keine Kontoart: Schreiben Sie checking, saving oder salary.
cli-d24-deposit = Einzahlung { $deposit } · Rechnung { $invoice }
cli-d24-amount-needs-account = --amount erstattet einen Teil einer Einzahlung, die nicht per Karte bezahlt wurde, und dafür braucht es das Bankkonto des Kunden (--account DATEI oder --account-prompt). Eine Karteneinzahlung wird ganz erstattet: Lassen Sie --amount weg.
cli-d24-no-refund = D24 kennt für dieses Konto keine Erstattung mit der ID { $id }.
cli-d24-account-file-bad = { $path } ist keine Bankkontodatei: { $detail }. Sie enthält beneficiary, bank_code, branch, account_number und bei Bedarf account_type und document_id.
cli-d24-account-prompt-no-terminal = --account-prompt fragt im Terminal, und die Standardeingabe ist keines: Geben Sie das Konto in einer Datei mit --account DATEI an.
cli-d24-account-prompt-ended = Die Eingabe endete, bevor das Bankkonto vollständig war. Es wurde nichts gesendet.
cli-d24-prompt-optional = { $field } (optional)
cli-d24-prompt-required = { $field } (erforderlich)
cli-d24-prompt-account-type = Kontoart: checking, saving oder salary [{ $default }]
cli-d24-account-not-in-arguments = Das Bankkonto des Kunden wird nicht von der Befehlszeile gelesen: Andere Benutzer sehen Argumente (ps), und die Shell speichert sie in ihrem Verlauf. Schreiben Sie es in eine Datei und geben Sie --account DATEI an, oder verwenden Sie --account-prompt. Es wurde nichts gesendet.

profile-bad-name = „{ $name }“ ist kein Profilname: Buchstaben, Ziffern, - und _ (höchstens 32).
already-running = Kassa läuft bereits auf { $dir } (Prozess { $pid }). Nutzen Sie dieses Fenster oder starten Sie eine zweite Kasse mit eigenem Profil: kassa --profile NAME.
lock-failed = Kassa konnte seinen Datenordner nicht belegen: { $detail }
cli-pin-none = Für diese Kasse ist keine Verwaltungs-PIN gesetzt: Legen Sie zuerst eine in Kassa (Verwaltung) fest.
cli-pin-locked = Zu viele falsche PINs: Die Eingabe ist bis { $until } gesperrt, hier und an der Kasse.
cli-pin-wrong = Falsche PIN. Es wurde nichts getan. Versuche bis zur Sperre: { $left }.
cli-pin-empty = Es wurde keine PIN angegeben. Es wurde nichts getan.
cli-pin-no-terminal = Dieser Befehl braucht die Verwaltungs-PIN: Führen Sie ihn in einem Terminal aus oder geben Sie die PIN mit --pin-stdin über die Standardeingabe.
cli-pin-prompt = Verwaltungs-PIN: 
cli-journal-none = Unter { $path } gibt es noch kein Journal.
cli-backup-failed = Sicherung fehlgeschlagen: { $detail }
cli-backup-made = Gesichert nach { $path } ({ $entries } verkettete Zeilen, geprüft).
cli-backup-removed = Ältere Kopie { $path } entfernt.
cli-restore-failed = Wiederherstellung abgelehnt: { $detail }. Das Journal blieb unberührt.
cli-restored = { $from } als { $to } wiederhergestellt. Starten Sie Kassa, um es zu nutzen.
cli-restore-aside = Das bisherige Journal ist als { $path } aufbewahrt.
cli-verify-ok = { $path }: Die Kette ist intakt ({ $entries } Zeilen). Kopf: { $head }
cli-verify-last-z = Letzter Z-Bericht von { $account }: Nr. { $number }, Kette { $hash } (mit dem Papier vergleichen)
cli-verify-failed = { $path }: PRÜFUNG FEHLGESCHLAGEN nach { $entries } guten Zeilen: { $problem }
refund-in-flight = Die Anfrage für diese Erstattung ist bereits unterwegs; warten Sie auf die Antwort.
refund-check-by-hand = Diese Erstattung ist seit über 24 Stunden ohne Antwort, länger als der Anbieter ihren Schlüssel aufbewahren muss: Ein erneutes Senden könnte doppelt erstatten. Prüfen Sie sie im Payconiq-Händlerportal von Hand, bevor Sie erneut erstatten.
backup-failed-banner = Die tägliche Journal-Sicherung nach { $dir } ist fehlgeschlagen ({ $when }): { $why }. Prüfen Sie den Ordner (steckt der USB-Stick, ist die Freigabe erreichbar?); sie wird stündlich erneut versucht.
settings-section-backup = Journal-Sicherung
settings-backup-dir = Tägliche Kopie in Ordner
settings-backup-keep = Aufbewahrte Kopien
settings-backup-hint = Ein USB-Stick oder eine Netzwerkfreigabe; leer für keine. Die Kopie wird geprüft; ein Fehler erscheint an der Kasse.
cli-report-invoices-unchecked = Zahlungen mit den Rechnungscodes dieser Kasse wurden nicht gesucht ({ $detail }); der Bericht enthält die zuvor gefundenen.
shift-moved = Diese Schicht wurde inzwischen anderswo abgeschlossen (Z-Bericht Nr. { $number }); jetzt wurde nichts abgeschlossen. Unten die jetzt offene Schicht.
cli-report-unknown-account = Dieses Journal führt keine Bücher für das Konto „{ $account }“. Lassen Sie --account für das der Kasse weg, oder geben Sie sandbox an.
d24-sandbox-books = Nicht gesendet: Dieses D24-Konto ist echt, die Kasse läuft aber in der Sandbox, deren Bücher Spielgeld sind; die Erstattung stünde in keinem echten Z-Bericht. Richten Sie die Kasse zuerst mit ihrem echten Payconiq-Konto ein oder nutzen Sie das D24-Konto der Sandbox.

# Suggested names of exported files (no extension).
file-sticker = payconiq-aufkleber
file-invoice = payconiq-rechnung
file-x-report = x-bericht-schicht-{ $number }
file-z-report = z-bericht-{ $number }
file-z-reprint = z-bericht-{ $number }-nachdruck
file-payouts = auszahlungen
file-payout = auszahlung-{ $id }

# Printing receipts.
receipt-till = Kasse { $pos }
receipt-reference = Referenz { $reference }
receipt-amount = Betrag
receipt-tip = Trinkgeld
receipt-total = Gesamt
receipt-paid-with = Bezahlt mit Payconiq by Bancontact
receipt-payment = Zahlung { $id }
receipt-reprint = NACHDRUCK
receipt-test-title = Testseite
print-receipt = Beleg drucken
print-reprint = Letzten Beleg nachdrucken
print-printing = Wird gedruckt…
print-done = Beleg gedruckt.
print-sent = An den Drucker „{ $printer }“ gesendet.
print-report-done = Bericht gedruckt.
print-qr-done = Code gedruckt.
print-refund-done = Erstattungsbeleg gedruckt.
print-test-done = Testseite gedruckt.
print-no-printer = Kein Drucker eingestellt: zuerst seine Adresse eingeben.
print-no-report-printer = Kein Berichtsdrucker eingestellt: zuerst einen der Drucker dieses Computers wählen.
print-no-device = unter { $at } ist kein Druckergerät (ist er angeschlossen und eingeschaltet?).
print-failed = Nicht gedruckt: { $why } Der Verkauf ist sicher; später erneut drucken.
print-failed-plain = Nicht gedruckt: { $why }
print-unreachable = Unter { $at } antwortet kein Drucker.
print-timeout = Der Drucker unter { $at } hat den Beleg nicht rechtzeitig angenommen.
print-paper-out = Dem Drucker ist das Papier ausgegangen.
print-no-answer = Der Drucker unter { $at } nimmt die Verbindung an, antwortet aber nicht (ist er eingeschaltet, und ist es ein Belegdrucker?).
print-io = Auf den Drucker konnte nicht geschrieben werden ({ $detail }).
print-bad-target = „{ $target }“ ist keine Druckeradresse: tcp://host:9100, ein Gerät wie /dev/usb/lp0 oder den Namen eines Systemdruckers verwenden.
settings-section-printer = Belegdrucker
settings-printer = Drucker
settings-printer-hint = tcp://192.168.1.50:9100, /dev/usb/lp0 oder ein Systemdrucker
settings-paper = Papier
settings-print-after = Nach jeder Zahlung drucken
settings-print-test = Testseite drucken
settings-print-test-a4 = A4-Testseite drucken
settings-report-printer = Berichtsdrucker (A4)
settings-report-printer-hint = ein Systemdrucker; leer: Berichte auf dem Bondrucker
settings-system-printers = Drucker dieses Computers: { $names }
settings-system-printers-none = Auf diesem Computer sind keine Drucker eingerichtet.
settings-system-printers-asking = Die Drucker dieses Computers werden gesucht…
print-no-system = dieser Computer hat keinen Druckdienst für seine Drucker (CUPS ist nicht installiert oder läuft nicht).
print-unknown-printer = dieser Computer hat keinen Drucker namens „{ $name }“.
print-refused = der Druckdienst hat den Auftrag abgelehnt ({ $detail }).
shift-print = Drucken
print-qr = QR drucken
print-qr-until = Zahlbar bis { $time }
print-refund = Erstattungsbeleg drucken
receipt-refund = Erstattung
receipt-refund-amount = Erstattet
receipt-refund-id = Erstattung { $id }

# The shop server
shop-no-token = Diese Kasse hat kein Token für ihren Filialserver ({ $url }) im Schlüsselbund: mit `kassa shop join` erneut beitreten.
shop-bad-url = „{ $url }“ ist keine Adresse eines Filialservers.
shop-not-https = Der Filialserver muss über https erreicht werden (einfaches http nur auf diesem Computer): { $url }
shop-unreachable = Der Filialserver unter { $url } ist nicht erreichbar.
shop-unauthorised = Der Filialserver kennt diese Kasse nicht (widerrufen oder nie beigetreten).
shop-bad-code = Der Beitrittscode ist ungültig (benutzt, abgelaufen oder vertippt): einen neuen anfordern (`kassa-server till add`).
shop-http = Der Filialserver antwortete { $status }: { $detail }
shop-invalid = Die Antwort des Filialservers ist unlesbar ({ $detail }).
shop-joined = Filiale „{ $shop }“ als Kasse „{ $till }“ beigetreten. { $waiting ->
    [one] 1 Ereignis aus dem Journal dieser Kasse wird
   *[other] { $waiting } Ereignisse aus dem Journal dieser Kasse werden
} gesendet, sobald die Kasse läuft.
shop-join-till-running = Die Kasse läuft auf diesem Datenordner: schließen Sie sie, führen Sie dies erneut aus und starten Sie sie dann (sie liest ihre Filiale beim Start).
shop-none = Diese Kasse gehört zu keiner Filiale: mit `kassa shop join URL CODE` beitreten.
shop-status = Filiale „{ $shop }“, Kasse „{ $till }“ unter { $url }: { $waiting ->
    [one] 1 Ereignis wartet
   *[other] { $waiting } Ereignisse warten
} auf das Senden.
shop-status-offline = { $why } { $waiting ->
    [one] 1 Ereignis wartet
   *[other] { $waiting } Ereignisse warten
} hier; nichts geht verloren.
shop-status-callbacks = Der Server empfängt die Callbacks des Anbieters unter { $url } und diese Kasse kann ihnen folgen: solange sie läuft und sobald ein Callback für eine ihrer Zahlungen gekommen ist, wird eine Zahlung auf dem Bildschirm nur zur Sicherheit alle 5 Sekunden abgefragt. { $last ->
    [none] Es ist noch kein Callback gekommen.
   *[other] Der letzte der Filiale kam am { $last }.
}
shop-status-no-callbacks = Der Server empfängt keine Callbacks des Anbieters (er hat keine öffentliche URL): Zahlungen werden im üblichen Takt abgefragt.
shop-pushed = { $sent ->
    [one] 1 Ereignis
   *[other] { $sent } Ereignisse
} gesendet; nichts wartet mehr.
shop-waiting-banner = { $waiting ->
    [one] 1 Ereignis wartet
   *[other] { $waiting } Ereignisse warten
} auf den Filialserver: { $why } Nichts geht verloren; sie werden gesendet, sobald er antwortet.
history-scope-till = Diese Kasse
history-scope-shop = Ganze Filiale
history-shop-loading = Der Filialserver wird gefragt…
history-shop-offline = { $why } Die eigenen Verkäufe dieser Kasse werden gezeigt.
history-at-till = Kasse { $till }
detail-shop-offline = { $why } Erstattungen an den anderen Kassen sind gerade nicht bekannt: der Verkauf einer anderen Kasse wird erstattet, sobald der Server antwortet.
detail-refund-at-till = erstattet an Kasse { $till }
payouts-all-known-shop = Jede Zahlung wurde an einer Kasse dieser Filiale kassiert.
payouts-unknown-count-shop = { $count ->
    [one] 1 Zahlung wurde
   *[other] { $count } Zahlungen wurden
} an keiner Kasse dieser Filiale kassiert (ein Aufkleber oder ein Rechnungs-QR).
payouts-shop-offline = { $why } Zahlungen der anderen Kassen sind gerade nicht zu unterscheiden.
payouts-not-a-till = Aufkleber oder Rechnung
shift-shop-day-open = Der Tag der Filiale…
shop-day-title = Tagesbericht der Filiale
shop-day-date = JJJJ-MM-TT
shop-day-close = Bericht dieser Kasse
shop-day-note = Die Z-Berichte, die jede Kasse der Filiale an diesem Tag erstellt hat, zusammengezählt (ein Verkauf nach dem letzten Z einer Kasse steht in ihrem nächsten). Spielgeld (Sandbox) zählt nicht.
shop-day-till = Kasse
shop-day-z = Z
shop-day-count = Verkäufe
shop-day-paid = Bezahlt
shop-day-tips = Trinkgeld
shop-day-refunded = Erstattet
shop-day-net = Netto
shop-day-total = Alle Kassen
shop-day-no-z = { $till } (kein Z mit Umsatz an diesem Tag)
file-shop-day = filialtag-{ $date }
shop-unknown-banner = Der Filialserver kennt diese Kasse nicht (widerrufen oder nie beigetreten): { $waiting ->
    [one] 1 Ereignis wartet
   *[other] { $waiting } Ereignisse warten
} hier, bis sie erneut beitritt (`kassa shop join URL CODE` mit einem neuen Code von `kassa-server till add`).
