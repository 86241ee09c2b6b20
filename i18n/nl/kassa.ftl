## Fouten van de betaalmotor

error-invalid = Niet verstuurd: { $detail }
error-timeout = Payconiq antwoordde niet op tijd.
error-network = Geen verbinding met Payconiq. Controleer het netwerk.
error-signature = Het antwoord van Payconiq doorstond de handtekeningcontrole niet en werd niet gebruikt ({ $detail }).
error-response = Payconiq stuurde een antwoord dat Kassa niet kan lezen.
error-config = Hiervoor zijn meer instellingen nodig: { $detail }
error-unknown-outcome = Het is niet zeker of de betaling werd aangemaakt. Kijk in de betalingsgeschiedenis voor u opnieuw afrekent.
error-payment-not-pending = Deze betaling kan niet meer geannuleerd worden: de klant heeft ze al bevestigd.
error-payment-not-found = Payconiq kent deze betaling niet.
error-payment-voided = Deze betaling werd al teruggedraaid.
checkout-void-too-late = De betaling was al voltooid voordat de annulering aankwam: ze is betaald, niet geannuleerd.
error-void-not-pending = Deze betaling wacht niet meer op voltooien of annuleren: ze is al geannuleerd of voltooid.
error-unauthorized = Payconiq weigerde de toegangsgegevens. Controleer de API-sleutel of de ondertekeningssleutel in Instellingen.
error-access-denied = Deze toegangsgegevens mogen dit niet doen.
error-rejected-field = Payconiq weigerde het verzoek: er ontbreekt iets of iets werd niet aanvaard.
error-invalid-refund-amount = De terugbetaling is groter dan wat er op deze betaling nog terugbetaald kan worden.
error-refund-conflict = Dit terugbetalingsverzoek werd al met andere gegevens gebruikt. Begin een nieuwe terugbetaling.
error-iban-not-available = De rekening van de klant is nog niet bekend (meestal een of twee dagen na de betaling). Probeer de terugbetaling later.
error-refund-not-possible = Payconiq kan deze betaling nu niet terugbetalen (bijvoorbeeld omdat ze nog uitbetaald wordt). Probeer morgen opnieuw, of betaal terug via overschrijving met het IBAN van de klant.
error-refund-not-allowed = Terugbetalingen zijn niet ingeschakeld voor dit handelaarsprofiel. Vraag de handelaarsdienst van Payconiq (Bancontact) om ze in te schakelen; betaal tot dan terug via overschrijving met het IBAN van de klant.
error-refund-not-found = Payconiq kent deze terugbetaling niet.
error-payout-not-found = Payconiq kent deze uitbetaling niet.
error-profile-not-found = Het betaalprofiel bestaat niet. Controleer het profiel-id in Instellingen.
error-unable-to-pay-creditor = Payconiq kan deze handelaar nu niet betalen. Neem contact op met Payconiq.
error-not-allowed-to-cancel = Deze betaling mag niet vanaf deze kassa geannuleerd worden.
error-rate-limited = Momenteel te veel verzoeken aan Payconiq.
error-provider-down = Payconiq heeft momenteel problemen.
error-other = Payconiq weigerde het verzoek.

## Opdrachtregel

cli-sandbox-failed = De sandbox kon niet starten: { $detail }
cli-sandbox-running =
    Kassa-sandbox draait (geen echt geld).
      API-basis:    { $base }
      JWKS:         { $jwks }
      Handelaar-id: { $merchant }
      Profiel-id:   { $profile }
      API-sleutel:  { $apikey }
      D24-basis:    { $d24base }
      D24 X-Login:  { $d24login }
      D24-geheim:   { $d24secret }
      D24-stortingen: { $d24deposits }
    Druk op Ctrl-C om te stoppen.
cli-keychain-unavailable = De sleutel kon niet in de sleutelhanger van het besturingssysteem bewaard worden ({ $detail }). Gebruik --out BESTAND om hem te exporteren.
cli-keychain-place = de sleutelhanger van het besturingssysteem (dienst { $service }, item { $entry })
cli-keys-host-this = Publiceer deze publieke JWKS op een openbare https-URL en geef die URL aan Payconiq (sleutel-id { $kid }):
cli-keys-private-at = De private sleutel staat in { $place }.
cli-callback-valid = Geldig: ondertekend met sleutel { $kid } op { $iat } voor { $path } (profiel { $sub }).
cli-callback-invalid = Ongeldig: { $reason }
cli-keychain-check-ok = De sleutelhanger van het besturingssysteem werkt: een test-API-sleutel werd bewaard, teruggelezen en gewist.
cli-keychain-check-failed = De sleutelhanger van het besturingssysteem werkt hier niet: { $detail }
cli-qr-extension = Het uitvoerbestand moet op .png of .svg eindigen.
cli-qr-written = { $path } geschreven (formaat { $size }).
cli-read-failed = Kan { $path } niet lezen: { $detail }
cli-write-failed = Kan { $path } niet schrijven: { $detail }
cli-not-a-file = { $path } is geen gewoon bestand (een apparaat, een pijp of een map wordt niet gelezen)
cli-file-too-big = { $path } is groter dan { $limit } KiB: niet gelezen
cli-file-exists = { $path } bestaat al: kies een andere naam (er wordt niets overschreven)
cli-keys-same-file = --out en --jwks-out noemen hetzelfde bestand: de privésleutel en de publieke sleutelset gaan naar twee bestanden
cli-kid-invalid = De sleutel-id moet 1 tot 64 letters, cijfers, punten, streepjes of underscores zijn.

## Het kassavenster

app-title = Kassa
app-starting = Bezig met starten…
app-start-failed = Kassa kon niet starten: { $detail }
app-no-data-dir = Kassa vond geen map voor zijn gegevens op dit systeem; stel KASSA_DATA_DIR in.
app-blocked-title = Deze kassa kan nu geen betalingen aannemen
app-blocked-why = Het account { $account } kan niet gebruikt worden. { $detail }
app-blocked-what-to-do = Er wordt niets aangerekend, en de kassa schakelt niet over op de sandbox. Is de sleutelhanger vergrendeld, ontgrendel hem dan (meld u aan op het bureaublad) en druk op Opnieuw proberen. Ontbreekt een sleutel of een id, open dan Instellingen met de beheerderspincode en vul die in.
app-blocked-retrying = Bezig…
app-settings-stopped-title = Kassa start niet met deze instellingen
app-settings-stopped = Het instellingenbestand { $path } kan niet gelezen worden: { $detail }. Het blijft precies zoals het is.
app-settings-stopped-what-to-do = Zonder dat bestand kent de kassa haar account en beheerderspincode niet, dus neemt ze geen betalingen aan. Zet het bestand terug uit een back-up (of herstel het) en start Kassa opnieuw. Of stel deze kassa opnieuw in: het bestand wordt opzijgezet, de sleutels die deze kassa in de sleutelhanger bewaarde worden vergeten, en de kassa start op de sandbox zonder pincode, om opnieuw in te stellen.
app-start-afresh = Deze kassa opnieuw instellen (vergeet haar sleutels)
app-blocked-retry = Opnieuw proberen
app-blocked-settings = Instellingen…
app-sandbox-banner = Sandbox — geen echt geld
till-description = Omschrijving (optioneel)
till-reference = Referentie (optioneel)
till-charge = Afrekenen
till-clear = Wissen
till-creating = Betaling wordt aangemaakt…
till-enter-amount = Voer eerst een bedrag in.
till-amount-too-small = Het bedrag moet minstens { $min } zijn.
till-amount-too-large = Het bedrag mag hoogstens { $max } zijn.
till-amount-decimals = Een bedrag heeft hoogstens twee decimalen.
till-amount-malformed = Dit is geen bedrag.
field-too-long = { $field }: { $len } tekens; hoogstens { $max } zijn toegestaan.
field-bad-character = { $field }: “{ $found }” (teken { $position }) kan niet in een bankbetaling gebruikt worden.

## Afrekenen

step-waiting = Wacht op scan
step-scanned = Gescand
step-authorized = Goedgekeurd
step-paid = Betaald
status-to-complete = Betaald, af te ronden
checkout-scan-qr = Vraag de klant de code te scannen met de Payconiq- of bankapp.
checkout-scan-sticker = Vraag de klant de sticker te scannen.
checkout-sticker-hint = Vraag de klant de sticker te scannen
checkout-scanned = De klant heeft de code gescand en is aan het bevestigen.
checkout-authorizing = De bank keurt de betaling goed.
checkout-needs-ack = De klant heeft betaald. Rond de verkoop af of draai ze terug.
checkout-expires-in = Verloopt over { $time }
checkout-offline = Offline — opnieuw proberen
checkout-cancel = Betaling annuleren
checkout-confirm-cancel = De klant heeft de code al gescand. Toch annuleren?
checkout-keep-waiting = Blijven wachten
checkout-cancel-anyway = Betaling annuleren
checkout-complete = Verkoop afronden
checkout-void = Terugdraaien
checkout-cancelling = Bezig met annuleren…
checkout-completing = Afronden…
checkout-voiding = Terugdraaien…
final-paid = Betaald
final-cancelled = Geannuleerd
final-expired = Verlopen
final-authorization-failed = Betaling geweigerd
final-authorization-failed-why = De bank van de klant weigerde de betaling (bijvoorbeeld onvoldoende saldo of een limiet).
final-failed = Betaling mislukt
final-failed-why = Er ging iets mis bij het bevestigen van de betaling. Er werd niets aangerekend.
final-voided = Teruggedraaid
final-voided-why = De klant krijgt het geld terug.
final-tip = Inclusief een fooi van { $tip }
final-try-again = Opnieuw proberen
final-new-sale = Nieuwe verkoop

## Gesimuleerde klantentelefoon

phone-title = Klantentelefoon (sandbox)
phone-hint = Speel de klant voor de betaling op het scherm.
phone-scan = Code scannen
phone-tip = Fooi
phone-confirm = Betalen
phone-decline = Weigeren
phone-insufficient = Onvoldoende saldo
phone-expire = Laten verlopen
phone-void-off = Profiel met terugdraaien: uit
phone-void-on = Profiel met terugdraaien: aan

## Klantenscherm

display-title = Kassa — klantenscherm
display-show = Klantenscherm
display-hide = Klantenscherm verbergen
display-welcome = Welkom
display-scan = Scan met uw Payconiq- of bankapp
display-confirm-on-phone = Bevestig de betaling op uw telefoon
display-processing = Bezig…
display-thanks = Bedankt!
display-not-paid = Betaling niet voltooid

## Beheerdersslot

manager-open = Beheer
manager-lock-now = Nu vergrendelen
lock-title = Beheer
lock-enter-pin = Voer de beheerderspincode in.
lock-choose-pin = Kies een beheerderspincode (4 tot 8 cijfers).
lock-repeat-pin = Voer dezelfde pincode nog eens in.
lock-wrong-pin = Verkeerde pincode.
lock-pin-format = Een pincode heeft 4 tot 8 cijfers.
lock-pins-differ = De twee pincodes verschillen. Begin opnieuw.
lock-back = Terug naar de kassa
lock-unlock = Ontgrendelen

## Instellingen

settings-section-account = Account
settings-section-till = Kassa
settings-section-manager = Beheer
settings-environment = Omgeving
settings-api-base = API-basis-URL
settings-reconciliation-base = Basis-URL voor afstemming
settings-jwks-url = JWKS-URL van de aanbieder
settings-payload-base = Host voor QR-inhoud
settings-auth = Betalingen ondertekenen met
settings-auth-api-key = API-sleutel
settings-auth-jws = Ondertekeningssleutel (JWS)
settings-merchant-id = Handelaar-id
settings-profile-id = Betaalprofiel-id
settings-api-key = API-sleutel
settings-key-id = Sleutel-id (kid)
settings-signing-key = Ondertekeningssleutel
settings-stored = bewaard in de sleutelhanger
settings-not-stored = niet ingesteld
settings-import-key = Sleutel importeren…
settings-generate-key = Sleutel maken
settings-host-jwks = Publiceer deze publieke JWKS op een openbare https-URL en geef die URL aan Payconiq:
settings-save-jwks = JWKS bewaren…
settings-callback-url = Callback-URL (optioneel)
settings-pay-mode = Klanten betalen met
settings-pay-dynamic = QR-code op het scherm
settings-pay-sticker = De sticker van de winkel
settings-pos-id = POS-id
settings-shop-id = Winkel-id
settings-shop-name = Winkelnaam
settings-shop = Winkel (bovenaan de rapporten)
settings-shop-address = Adres
settings-shop-vat = Btw-nummer
settings-qr-size = QR-formaat
settings-qr-colour = QR-kleur
settings-colour-magenta = Magenta
settings-colour-black = Zwart
settings-customer-display = Klantenscherm bij het starten
settings-on = Aan
settings-off = Uit
settings-language = Taal
settings-language-system = Zoals het systeem
settings-lock-minutes = Vergrendelen na (minuten)
settings-change-pin = Pincode wijzigen
settings-close = Sluiten
settings-test = Verbinding testen
settings-save = Bewaren
settings-saved = Bewaard.
settings-testing = Verbinding wordt getest…
settings-test-ok = Verbonden met { $environment }: de toegangsgegevens werden aanvaard.
settings-bad-url = { $field } moet een https://-adres zijn (gewoon http:// enkel naar deze computer).
settings-missing-ids = Vul het handelaar-id en het betaalprofiel-id in.
settings-missing-api-key = Voer de API-sleutel in.
settings-missing-signing-key = Importeer of maak eerst een ondertekeningssleutel.
settings-no-keychain = De sleutel kon niet bewaard worden, dus er is niets bewaard. { $detail }
settings-key-stored = De ondertekeningssleutel staat in de sleutelhanger.
settings-no-file = Er werd geen bestand gekozen.
settings-key-unreadable = Dat bestand is geen sleutel.
settings-jwks-saved = Bewaard in { $path }.
env-sandbox = Sandbox (ingebouwd, geen echt geld)
env-bancontact-prod = Bancontact Payconiq — productie
env-bancontact-preprod = Bancontact Payconiq — preproductie
env-payconiq-prod = Payconiq (oud) — productie
env-payconiq-ext = Payconiq (oud) — EXT-test
env-custom = Eigen URL's

## Sticker en verkopen van vandaag

sticker-open = Sticker…
sticker-title = De QR-sticker van de winkel
sticker-save-png = PNG bewaren…
sticker-save-svg = SVG bewaren…
sticker-missing-ids = Stel eerst het betaalprofiel-id en het POS-id in bij Instellingen.
today-open = Verkopen vandaag
today-title = Verkopen van vandaag
today-refresh = Vernieuwen
today-loading = Bezig met laden…
today-none = Vandaag nog geen betalingen.
today-total = Vandaag betaald: { $total }
sales-col-time = Tijd
sales-col-date = Datum
sales-col-amount = Totaal
sales-col-tip = Fooi
sales-col-status = Status
sales-col-sale = Verkoop
today-total-tips = Vandaag betaald: { $total }, waarvan { $tips } fooi
journal-corrupt = Het verkoopjournaal { $path } is beschadigd. Kassa rekent niet af zonder journaal. Kassa kan het beschadigde bestand opzijzetten (het blijft bewaard) en een nieuw beginnen.
journal-full = De schijf is vol: het verkoopjournaal kan geen verkoop vastleggen, dus Kassa rekent niet af. Maak ruimte vrij en probeer opnieuw.
journal-read-only = Het verkoopjournaal kan niet worden geschreven ({ $detail }), dus Kassa rekent niet af.
journal-newer = Het verkoopjournaal is geschreven door een nieuwere versie van Kassa. Installeer die versie opnieuw.
journal-other = Het verkoopjournaal kan niet worden gebruikt ({ $detail }), dus Kassa rekent niet af.
journal-duplicate = De referentie { $reference } werd al gebruikt voor een andere verkoop. Typ een andere referentie of laat het veld leeg.
journal-opening = Het verkoopjournaal wordt nog geopend.
journal-set-aside = Opzijzetten en een nieuw journaal beginnen
unknown-title = Uitkomst onbekend — wordt nagekeken
unknown-reference = Referentie { $reference }
unknown-why = Payconiq zei niet of deze betaling werd aangemaakt. Kassa zoekt ze op via haar referentie. Reken deze verkoop niet opnieuw af tot dit duidelijk is.
unknown-checks = { $count ->
    [0] Eerste opzoeking bezig…
    [one] Eén keer opgezocht; zo dadelijk opnieuw.
   *[other] { $count } keer opgezocht; zo dadelijk opnieuw.
}
unknown-leave = Terug naar de kassa
unknown-leave-question = De klant kan deze verkoop nog betalen. Ze blijft onder “Aandacht nodig” staan en Kassa blijft ze opzoeken.
unknown-stay = Blijven wachten
unknown-leave-anyway = Toch terug naar de kassa
unknown-not-created = De betaling werd niet aangemaakt: er werd niets aangerekend. U kunt deze verkoop opnieuw afrekenen.
attention-title = Aandacht nodig
attention-unknown = Uitkomst onbekend — wordt nagekeken
attention-checking = Status wordt nagekeken…
attention-reopen = Heropenen
attention-dismiss = OK
attention-ended = { $status } terwijl Kassa niet meekeek
attention-more = en nog { $count }
today-elsewhere = andere kassa, sticker of factuur
cli-keys-exists = De sleutelhanger bevat al een ondertekeningssleutel; de publieke sleutel ervan is mogelijk geregistreerd bij Payconiq. Gebruik --force om hem te vervangen, of --out om een nieuwe sleutel naar een bestand te schrijven.
journal-retry = Opnieuw proberen
till-digit-refused = Niet toegevoegd: het bedrag mag hoogstens { $max } zijn.
till-decimal-refused = Niet toegevoegd: een bedrag heeft hoogstens twee decimalen.
checkout-confirm-void = Deze betaling terugdraaien? De klant krijgt { $total } terug.
checkout-keep-payment = Betaling behouden
checkout-void-anyway = Terugdraaien en geld teruggeven
final-cancelled-here = Hier aan de kassa geannuleerd. Er is niets aangerekend.
final-declined-why = De klant heeft de betaling op de telefoon geannuleerd. Er is niets aangerekend.
final-nothing-charged = Er is niets aangerekend.
final-expired-why = Niemand betaalde op tijd. Er is niets aangerekend.
settings-unsaved = Er zijn niet-bewaarde wijzigingen. Sluiten zonder te bewaren?
settings-keep-editing = Verder bewerken
settings-discard = Sluiten zonder bewaren
lock-locked = Te veel foute pincodes. Het invoeren is geblokkeerd tot { $time }.
lock-wrong-pin-left = Foute pincode. { $left ->
    [one] Na nog één foute pincode
   *[other] Na nog { $left } foute pincodes
} wordt het invoeren een tijd geblokkeerd.
file-no-dialog = Deze computer kan geen bestandsvenster tonen (installeer zenity of een desktopportaal). Typ in de plaats het volledige pad van het bestand:
file-path = Pad, bv. ~/Documenten/bestand.png
file-cancel = Annuleren
file-save-here = Hier bewaren
file-open-this = Dit bestand openen
file-io = Het bestand kon niet gebruikt worden: { $detail }
keychain-no-service = Er draait geen sleutelhanger op deze computer (op Linux: gnome-keyring of KWallet). Meld u aan in een bureaubladsessie die er een heeft, of installeer gnome-keyring, en probeer opnieuw.
keychain-locked = De sleutelhanger is vergrendeld of weigerde toegang. Ontgrendel hem (meld u opnieuw aan, of open de app Wachtwoorden en sleutels), sta Kassa toe wanneer dat gevraagd wordt en probeer opnieuw.
keychain-failed = De sleutelhanger weigerde: { $detail }
invoice-open = Factuur-QR
invoice-title = QR-code voor een factuur
invoice-hint = Voor een klant die later betaalt: druk hem af op de factuur of het kasticket. De betaling verschijnt in Verkopen vandaag zodra ze gedaan is.
invoice-amount = Bedrag
invoice-description = Omschrijving (hoogstens 35 tekens)
invoice-reference = Referentie (hoogstens 35 tekens)
invoice-enter-amount = Voer het bedrag in om de code te maken.
invoice-control = { $field } mag geen regeleinden of tabs bevatten.
invoice-no-profile = Stel eerst het betaalprofiel-id in bij Instellingen.
invoice-no-code = De code verschijnt hier.
invoice-pay-sandbox = De klant betaalt hem (sandbox)
invoice-paid-sandbox = Betaald in de sandbox: { $amount }. Ze staat in Verkopen vandaag.
today-cancel = Annuleren
today-cancel-question = Daarna kan niemand ze nog betalen.
today-keep = Behouden
today-cancel-it = Annuleren
today-cancelling = Bezig met annuleren…
today-cancelled = De betaling is geannuleerd: niemand kan ze nog betalen.
history-title = Betalingsgeschiedenis
history-open-button = Betalingsgeschiedenis
history-settings = Instellingen…
history-range-today = Vandaag
history-range-days = Laatste { $days } dagen
history-status-all = Alle statussen
history-status-paid = Betaald
history-status-open = Nog open
history-status-not-paid = Niet betaald
history-search = Zoek referentie, omschrijving of bedrag
history-payment-id = Of typ een betalings-id
history-open = Openen
history-none = Geen betalingen gevonden.
history-count = { $shown ->
    [one] 1 betaling
   *[other] { $shown } betalingen
} getoond · betaald { $paid }
detail-title = Betaling
detail-back = Terug
detail-status = Status
detail-amount = Bedrag
detail-tip = Fooi
detail-total = Totaal betaald
detail-description = Omschrijving
detail-reference = Referentie
detail-payment-id = Betalings-id
detail-created = Aangemaakt
detail-paid-at = Betaald op
detail-customer = Klant
detail-the-customer = de klant
detail-journal = Gezien door deze kassa
detail-not-this-till = Niet op deze kassa aangeslagen (andere kassa, sticker of factuur-QR).
detail-not-created = Nooit aangemaakt
detail-refunds = Terugbetalingen
detail-no-refunds = Geen vanaf deze kassa.
detail-balance = Betaald { $paid } · terugbetaald { $refunded } · nog terugbetaalbaar { $remaining }
detail-iban-for-refund = Rekening van de klant voor een manuele terugbetaling:
detail-copy = Kopiëren
detail-refunding = Bezig met terugbetalen…
detail-asking-iban = IBAN van de klant opvragen…
detail-iban-copied = Het IBAN staat op het klembord.
detail-get-iban = IBAN van de klant
detail-refund = Terugbetalen…
refund-needs-key = Terugbetalingen worden ondertekend met de ondertekeningssleutel van de handelaar, die niet ingesteld is. Importeer of maak hem bij Instellingen → Ondertekeningssleutel.
refund-left = Nog terugbetaalbaar: { $remaining }
refund-amount = Bedrag
refund-description = Omschrijving (optioneel)
refund-next = Volgende
refund-review = { $amount } terugbetalen aan { $customer }? Dit stuurt geld terug en kan niet ongedaan gemaakt worden.
refund-review-description = Omschrijving: “{ $description }”
refund-edit = Wijzigen
refund-confirm = Nu terugbetalen
refund-sent = Terugbetaling van { $amount } aangevraagd; de status staat onder Terugbetalingen.
refund-unknown = Geen duidelijk antwoord: de terugbetaling is misschien gebeurd. Kassa vraagt opnieuw met dezelfde sleutel, zodat ze nooit twee keer gebeurt.
refund-not-paid = Alleen een betaalde betaling kan terugbetaald worden (deze is: { $status }).
refund-nothing = Voer een bedrag in om terug te betalen.
refund-too-much = Er kan nog hoogstens { $remaining } terugbetaald worden.
refund-state-pending = in behandeling
refund-state-refunded = terugbetaald
refund-state-failed = mislukt — het geld blijft bij de winkel
refund-state-unanswered = nog geen antwoord — opnieuw gevraagd met dezelfde sleutel
refund-state-refused = geweigerd: { $detail }
detail-cancelled = Geannuleerd: niemand kan ze nog betalen.
detail-done = Gedaan.
journal-needed = Het journaal is niet open, dus er kan niets gebeuren dat geld verplaatst. Zie de balk bovenaan.
detail-not-found = Geen betaling met dit id gevonden.
history-from = Van JJJJ-MM-DD
history-to = Tot JJJJ-MM-DD
history-show = Tonen
history-bad-period = Typ beide datums als JJJJ-MM-DD, de eerste niet na de tweede.
payouts-period-too-long = Een periode van { $days } dagen is te lang: uitbetalingen worden per dag opgevraagd, hoogstens 366 dagen tegelijk.
payouts-period-too-early = Payconiq betaalde niets uit vóór 2014: kies een latere eerste dag.
payouts-period-future = De periode eindigt na vandaag: er is nog niets uitbetaald.
cli-sandbox-not-here = --sandbox noemt een sandbox op deze computer (http://127.0.0.1:POORT of localhost), niet { $url }.
cli-payouts-progress = Uitbetalingen: { $done } van { $total } dagen gelezen…
history-reminder = Opnieuw te proberen: een terugbetaling van { $amount } (aangevraagd op { $day }) wachtte op de rekening van de klant bij zijn bank.
history-check-by-hand = Met de hand controleren: een terugbetaling van { $amount } op betaling { $payment } (aangevraagd op { $day }, sleutel { $key }) kreeg meer dan 24 uur geen antwoord; kijk in het handelaarsportaal voor u opnieuw terugbetaalt.
shift-open-button = Kassarapport…
shift-title = Kassarapport
shift-x-title = X-rapport — dienst { $number } (nog open)
shift-z-title = Z-rapport nr. { $number } — dienst afgesloten
shift-period = Van { $from } tot { $until }
shift-paid = Betaald (fooi inbegrepen)
shift-tips = waarvan fooi
shift-cancelled = Geannuleerd of teruggedraaid
shift-expired = Verlopen
shift-failed = Geweigerd of mislukt
shift-open = Nog open of onbekend
shift-refunded = Terugbetaald
shift-net = Netto-ontvangsten
shift-x = X-rapport
shift-vat = btw { $vat }
shift-z = Dienst afsluiten (Z-rapport)…
shift-save-csv = CSV bewaren…
shift-close-question = Deze dienst afsluiten? Het Z-rapport krijgt het volgende nummer en de dienst kan niet heropend worden.
shift-close-open-sales = { $count ->
    [one] Er staat nog één verkoop open ({ $amount }): wordt hij later betaald, dan telt hij in de volgende dienst.
   *[other] Er staan nog { $count } verkopen open ({ $amount }): wat later betaald wordt, telt in de volgende dienst.
}
shift-keep-open = Open laten
shift-close-now = Dienst afsluiten
payouts-open-button = Uitbetalingen…
payouts-title = Uitbetalingen
payouts-loading = { $done } van { $all } dagen geladen
payouts-line = { $payments ->
    [one] 1 betaling
   *[other] { $payments } betalingen
}, { $refunds ->
    [one] 1 terugbetaling
   *[other] { $refunds } terugbetalingen
}
payouts-total = { $count ->
    [one] 1 uitbetaling
   *[other] { $count } uitbetalingen
} · { $total } uitbetaald
payouts-drill-title = Uitbetaling van { $day }: { $amount }
payouts-sums = Betalingen { $payments } − terugbetalingen { $refunds } = uitbetaald { $payout }
payouts-ok = Alles klopt, en elke betaling is er een van deze kassa.
payouts-bad-payout = Klopt niet: betalingen min terugbetalingen geven { $expected }, maar er werd { $stated } uitbetaald.
payouts-bad-payments = De opgesomde betalingen geven { $listed }, niet de { $stated } van de uitbetaling.
payouts-bad-refunds = De opgesomde terugbetalingen geven { $listed }, niet de { $stated } van de uitbetaling.
shift-z-short = Z-rapport nr.
shift-session = Dienst
shift-from = Van
shift-until = Tot
shift-printed = Afgedrukt
shift-save-pdf = PDF bewaren…
shift-earlier-z = Z-rapport nr. { $number }
shift-earlier-open = een vorige dienst
shift-carried-paid = { $reference }: aangeslagen in { $earlier }, betaald in deze dienst ({ $amount })
shift-carried-refund-undone = Terugbetaling op { $payment }, geteld in { $earlier }, is niet gebeurd: { $amount } teruggeboekt
shift-check-by-hand = MET DE HAND CONTROLEREN: terugbetaling van { $amount } op { $payment } kreeg meer dan 24 uur geen antwoord (geteld als gedaan)
shift-d24-whole-deposit = volledige storting
shift-d24-line = D24-terugbetaling, storting { $deposit }: { $amount } { $currency }, { $status }
shift-account-sandbox = Sandbox (speelgeld, geen omzet)
shift-account-legacy = van vóór de scheiding per account
shift-account = { $host }, profiel { $profile }
shift-account-label = Account
shift-reprint = HERDRUK — zoals opgemaakt
shift-chain = Keten
shift-refunds-undone = Niet-uitgevoerde terugbetalingen
shift-past = Vorige Z-rapporten
shift-past-none = Nog geen
shift-no-such-z = Er is geen Z-rapport nr. { $number } voor dit account.
payouts-sums-ok = De bedragen kloppen: betalingen − terugbetalingen = uitbetaald, en de regels kloppen met de totalen.
payouts-all-known = Elke betaling werd op deze kassa aangeslagen.
payouts-unknown-count = { $count ->
    [one] 1 betaling werd
   *[other] { $count } betalingen werden
} niet op deze kassa aangeslagen (andere kassa, sticker of factuur-QR).
payouts-this-till = deze kassa
payouts-paid-out = Uitbetaald
payouts-failed = Mislukt
payouts-refund-tag = terugbetaling
cli-jwks-not-https = de JWKS-URL moet https zijn (gewoon http enkel naar deze computer)
cli-jwks-private = de JWKS bevat privésleutelmateriaal; deel of gebruik zo'n bestand nooit als publieke sleutelset — maak een nieuw sleutelpaar
cli-api-no-sandbox = Deze kassa draait op de ingebouwde sandbox, die er alleen is terwijl Kassa open is. Open Kassa, of start er een met `kassa sandbox` en geef --sandbox URL mee.
cli-api-sandbox-unreachable = Op { $url } antwoordt geen sandbox: { $detail }
cli-api-cancelled = Annulering verstuurd voor betaling { $id }. Wat de API nu zegt:
cli-api-bad-period = De periode is omgekeerd: --from ligt na --to.
cli-api-bad-date = '{ $date }' is geen datum: schrijf JJJJ-MM-DD (of een RFC 3339-tijd bij het zoeken van betalingen).
cli-api-bad-status = '{ $status }' is geen betaalstatus. Gekend: { $known }.
cli-api-refund-key = Idempotentiesleutel: { $key } (vraag opnieuw met --idempotency-key { $key } en hetzelfde bedrag: er wordt nooit twee keer terugbetaald)
cli-api-refund-key-other = Het journaal bevat al een terugbetaling met sleutel { $key }: { $amount } op betaling { $payment }. Vraag opnieuw met precies die betaling en dat bedrag, of laat --idempotency-key weg voor een nieuwe terugbetaling. Er is niets verstuurd.
cli-api-create-unknown = De betaling bestaat misschien: ze staat in het journaal van de kassa, die ze opzoekt op haar referentie zodra de kassa draait.
cli-d24-key-other = Het journaal bevat al een D24-terugbetaling met sleutel { $key }, voor storting { $deposit }. Vraag opnieuw met die storting, of laat --idempotency-key weg voor een nieuwe terugbetaling. Er is niets verstuurd.
cli-d24-key-other-request = Het journaal bevat al een D24-terugbetaling met sleutel { $key } voor deze storting, gevraagd met een ander bedrag, een andere bankrekening of munt. Vraag opnieuw precies zoals toen (dezelfde sleutel betaalt nooit twee keer terug), of laat --idempotency-key weg voor een nieuwe terugbetaling. Er is niets verstuurd.
cli-api-expires = Vervalt
cli-api-qr = QR-inhoud
cli-api-refund-id = Terugbetalings-id
cli-api-count = { $count ->
    [one] 1 betaling
   *[other] { $count } betalingen
}
cli-api-no-payouts = Geen uitbetalingen in de periode { $period }.
cli-api-payout-date = Datum
cli-api-paid-out = Uitbetaald
cli-api-payments = Betalingen
cli-api-payout-id = Uitbetalings-id
cli-callback-path-unchecked = Niet gecontroleerd: de callback-URL waarnaar hij gestuurd werd (geef --path, of stel de callback-URL in bij Instellingen).
cli-callback-profile-unchecked = Niet gecontroleerd: het betaalprofiel (geef --profile, of stel het profiel-id in bij Instellingen).
d24-error-timeout = D24 antwoordde niet op tijd.
d24-error-network = Geen verbinding met D24. Controleer het netwerk.
d24-error-response = D24 stuurde een antwoord dat Kassa niet kan lezen.
d24-error-config = Het D24-account is niet volledig: { $detail }. Vul het aan bij Instellingen.
d24-error-credentials = D24 kent deze X-Login niet. Controleer het D24-account bij Instellingen (test- en productielogins verschillen).
d24-error-header = D24 weigerde het verzoek: een verplichte header ontbreekt of is onjuist.
d24-error-signature = D24 weigerde de handtekening van het verzoek. Controleer de geheime sleutel van het D24-account bij Instellingen.
d24-error-date = D24 weigerde het tijdstip van het verzoek: de klok van deze computer staat verkeerd. Zet datum en tijd juist en probeer opnieuw.
d24-error-method = D24 aanvaardt dit soort verzoek hier niet.
d24-error-ip = D24 weigerde het internetadres van deze computer. Voeg het toe aan de toegelaten IP's in het D24-handelaarspaneel.
d24-error-body = D24 kon het verzoek niet lezen: { $detail }
d24-error-forbidden = Dit D24-handelaarsaccount mag geen terugbetalingen via de API doen. Vraag het uw D24-accountbeheerder.
d24-error-not-found = D24 vond deze storting of terugbetaling niet. Controleer het stortings-id en het factuur-id.
d24-error-refunds-not-enabled = Terugbetalingen zijn niet ingeschakeld voor dit D24-handelaarsaccount. Vraag het uw D24-accountbeheerder.
d24-error-deposit-not-completed = Deze storting is niet voltooid en kan dus nog niet terugbetaald worden.
d24-error-invalid-amount = D24 weigerde het bedrag: het is meer dan wat er van de storting overblijft (eerdere terugbetalingen tellen mee), of geen geldig bedrag. Er werd niets terugbetaald.
d24-error-insufficient-funds = Het D24-handelaarssaldo is te laag voor deze terugbetaling. Er werd niets terugbetaald.
d24-error-missing-bank-account = Deze storting werd niet met een kaart betaald: D24 heeft de bankrekening van de klant nodig om terug te betalen.
d24-error-refund-failed = D24 kon de terugbetaling niet verwerken: { $detail } Markeer ze ter controle in het D24-handelaarspaneel.
d24-error-rate-limited = D24 vraagt om trager te gaan. Probeer het zo opnieuw.
d24-error-provider-down = D24 heeft een probleem aan zijn kant. Probeer later opnieuw.
d24-error-other = D24 weigerde het verzoek.
d24-problem-card-amount = Een kaartstorting wordt volledig terugbetaald: laat het bedrag leeg.
d24-problem-field = Controleer dit veld: { $field }.
d24-field-deposit = Stortings-id
d24-field-invoice = Factuur-id
d24-field-amount = Bedrag
d24-field-beneficiary = Rekeninghouder
d24-field-bank-code = Bankcode
d24-field-branch = Kantoor
d24-field-account-number = Rekeningnummer
d24-field-document-id = Nummer identiteitsbewijs
d24-field-comments = Opmerking
d24-field-notification-url = Notificatie-URL
d24-sandbox-needs-sandbox = De D24-sandbox hoort bij de ingebouwde sandbox: kies D24 test of productie bij Instellingen, of laat de kassa op de sandbox draaien.
d24-missing-url = Nog geen D24-adres: typ het adres dat D24 u gaf bij Instellingen.
d24-missing-login = Nog geen D24 X-Login: typ hem bij Instellingen.
d24-missing-secret = Nog geen geheime D24-sleutel in de sleutelhanger: typ hem bij Instellingen en bewaar.
settings-section-d24 = Terugbetalingen van D24-stortingen (OneKey Payments)
settings-d24-url = D24-adres
settings-d24-login = X-Login (API-sleutel)
settings-d24-secret = Geheime sleutel (API Signature)
settings-d24-test = D24-verbinding testen
settings-d24-test-ok = D24 antwoordde: X-Login, geheime sleutel en de klok van deze computer kloppen ({ $environment }).
d24-env-sandbox = Sandbox (ingebouwd)
d24-env-staging = D24 staging (test)
d24-env-production = D24 productie
history-refund-button = Terugbetalen…
refund-title = Terugbetaling
refund-provider-payconiq = Payconiq-betaling
refund-provider-d24 = D24-storting
refund-payconiq-how = Een Payconiq-betaling wordt terugbetaald vanuit de betaling zelf: open ze in de betalingsgeschiedenis en druk op Terugbetalen.
d24-connecting = D24-account bereiken…
d24-account = D24-account { $login } op { $base }
d24-recent = Aangevraagde D24-terugbetalingen
d24-method = Betaald met
d24-method-card = Kaart
d24-method-other = Contant, overschrijving, andere
d24-card-whole = Een kaartstorting wordt volledig terugbetaald, op dezelfde kaart: alleen stortings-id en factuur-id zijn nodig.
d24-bank-account = Bankrekening van de klant
d24-account-type = Soort rekening
d24-account-checking = Zichtrekening
d24-account-saving = Spaarrekening
d24-account-salary = Loonrekening
d24-review-amount = { $amount } terugbetalen? Dit stuurt geld terug en kan niet ongedaan gemaakt worden.
d24-review-card = De hele kaartstorting terugbetalen? Dit stuurt geld terug en kan niet ongedaan gemaakt worden.
d24-review-deposit = D24-storting { $deposit }, factuur { $invoice }
d24-review-account = Aan { $beneficiary }, rekening { $account } ({ $kind }, bank { $bank }, kantoor { $branch })
d24-refund-id = D24-terugbetalings-id { $id }
d24-resending = Kassa stuurt hetzelfde verzoek, met dezelfde sleutel, elke { $seconds } seconden opnieuw zolang dit scherm open is, en wanneer het opnieuw geopend wordt: het gebeurt nooit twee keer.
d24-following = Kassa leest de status elke seconde zolang dit scherm open is.
d24-another = Nog een terugbetaling
d24-whole-deposit = hele storting
d24-status-completed = Voltooid: het geld ging terug naar de klant.
d24-status-rejected = Geweigerd: { $reason } Het geld blijft bij de winkel.
d24-status-cancelled = Geannuleerd: er werd niets terugbetaald.
d24-status-delivered = Naar de bank gestuurd: kan niet meer geannuleerd worden.
d24-status-incorrect-details = D24 heeft verbeterde gegevens nodig: zie het D24-handelaarspaneel.
d24-status-pending = In behandeling bij D24.
d24-status-unanswered = Nog geen duidelijk antwoord van D24: de terugbetaling is misschien gebeurd.
d24-status-refused = Geweigerd door D24: er werd niets terugbetaald.
d24-sandbox-deposits = Sandbox-stortingen om te proberen
d24-deposit-left = over: { $left }
d24-deposit-not-completed = niet voltooid
d24-use = Gebruiken
d24-env-custom = Eigen adres
d24-field-currency = Munt (drie letters, bv. EUR)
lock-next = Volgende
lock-set-pin = Pincode instellen
cli-d24-account-type = '{ $given }' is geen rekeningtype: schrijf checking, saving of salary.
cli-d24-deposit = Storting { $deposit } · factuur { $invoice }
cli-d24-amount-needs-account = --amount betaalt een deel terug van een storting die niet met een kaart betaald is, en daarvoor is de bankrekening van de klant nodig (--account BESTAND of --account-prompt). Een kaartstorting wordt volledig terugbetaald: laat --amount weg.
cli-d24-no-refund = D24 kent geen terugbetaling met id { $id } voor dit account.
cli-d24-account-file-bad = { $path } is geen bestand met een bankrekening: { $detail }. Het bevat beneficiary, bank_code, branch, account_number en zo nodig account_type en document_id.
cli-d24-account-prompt-no-terminal = --account-prompt vraagt op de terminal, en de standaardinvoer is er geen: geef de rekening in een bestand met --account BESTAND.
cli-d24-account-prompt-ended = De invoer stopte voordat de bankrekening volledig was. Er is niets verstuurd.
cli-d24-prompt-optional = { $field } (optioneel)
cli-d24-prompt-required = { $field } (verplicht)
cli-d24-prompt-account-type = Soort rekening: checking, saving of salary [{ $default }]
cli-d24-account-not-in-arguments = De bankrekening van de klant wordt niet van de opdrachtregel gelezen: andere gebruikers zien argumenten (ps) en de shell bewaart ze in zijn geschiedenis. Zet ze in een bestand en geef --account BESTAND, of gebruik --account-prompt. Er is niets verstuurd.

profile-bad-name = “{ $name }” is geen profielnaam: gebruik letters, cijfers, - en _ (hoogstens 32).
already-running = Kassa draait al op { $dir } (proces { $pid }). Gebruik dat venster, of start een tweede kassa met een eigen profiel: kassa --profile NAAM.
lock-failed = Kassa kon zijn gegevensmap niet in gebruik nemen: { $detail }
cli-pin-none = Deze kassa heeft nog geen beheerderspincode: kies er eerst een in Kassa (Beheer).
cli-pin-locked = Te veel foute pincodes: invoer is vergrendeld tot { $until }, hier en aan de kassa.
cli-pin-wrong = Foute pincode. Er is niets gebeurd. Pogingen voor de invoer vergrendelt: { $left }.
cli-pin-empty = Er is geen pincode gegeven. Er is niets gebeurd.
cli-pin-no-terminal = Deze opdracht vraagt de beheerderspincode: voer ze uit in een terminal, of geef de pincode via standaardinvoer met --pin-stdin.
cli-pin-prompt = Beheerderspincode: 
cli-journal-none = Er is nog geen journaal op { $path }.
cli-backup-failed = Back-up mislukt: { $detail }
cli-backup-made = Back-up gemaakt in { $path } ({ $entries } geketende rijen, gecontroleerd).
cli-backup-removed = Oudere kopie { $path } verwijderd.
cli-restore-failed = Terugzetten geweigerd: { $detail }. Het journaal is niet aangeraakt.
cli-restored = { $from } teruggezet als { $to }. Start Kassa om het te gebruiken.
cli-restore-aside = Het journaal dat er stond, is bewaard als { $path }.
cli-verify-ok = { $path }: de keten klopt ({ $entries } rijen). Kop: { $head }
cli-verify-last-z = Laatste Z-rapport van { $account }: nr. { $number }, keten { $hash } (vergelijk met het papier)
cli-verify-failed = { $path }: KLOPT NIET na { $entries } goede rijen: { $problem }
refund-in-flight = De aanvraag voor deze terugbetaling is al onderweg; wacht op het antwoord.
refund-check-by-hand = Deze terugbetaling kreeg al meer dan 24 uur geen antwoord, langer dan de aanbieder de sleutel bewaart: opnieuw versturen kan dubbel terugbetalen. Controleer ze met de hand in het Payconiq-handelaarsportaal voor u opnieuw terugbetaalt.
backup-failed-banner = De dagelijkse back-up van het journaal naar { $dir } is mislukt ({ $when }): { $why }. Controleer de map (zit de USB-stick erin, is de netwerkmap bereikbaar?); er wordt elk uur opnieuw geprobeerd.
settings-section-backup = Back-up van het journaal
settings-backup-dir = Dagelijkse kopie naar map
settings-backup-keep = Bewaarde kopieën
settings-backup-hint = Een USB-stick of netwerkmap; leeg voor geen. De kopie wordt gecontroleerd; een fout verschijnt op de kassa.
cli-report-invoices-unchecked = Betalingen met de factuurcodes van deze kassa zijn niet opgezocht ({ $detail }); het rapport bevat wat eerder gevonden werd.
shift-moved = Die dienst werd intussen elders afgesloten (Z-rapport nr. { $number }); er is nu niets afgesloten. Hieronder de dienst die nu open is.
cli-report-unknown-account = Dit journaal houdt geen boeken bij voor het account “{ $account }”. Laat --account weg voor dat van de kassa, of geef sandbox.
d24-sandbox-books = Niet verstuurd: dit D24-account is echt, maar de kassa draait op de sandbox, waarvan de boeken speelgeld zijn; de terugbetaling zou in geen echt Z-rapport staan. Stel de kassa eerst in met haar echte Payconiq-account, of gebruik het D24-account van de sandbox.

# Suggested names of exported files (no extension).
file-sticker = payconiq-sticker
file-invoice = payconiq-factuur
file-x-report = x-rapport-dienst-{ $number }
file-z-report = z-rapport-{ $number }
file-z-reprint = z-rapport-{ $number }-herdruk
file-payouts = uitbetalingen
file-payout = uitbetaling-{ $id }

# Printing receipts.
receipt-till = Kassa { $pos }
receipt-reference = Referentie { $reference }
receipt-amount = Bedrag
receipt-tip = Fooi
receipt-total = Totaal
receipt-paid-with = Betaald met Payconiq by Bancontact
receipt-payment = Betaling { $id }
receipt-reprint = HERDRUK
receipt-test-title = Testpagina
print-receipt = Bon afdrukken
print-reprint = Laatste bon opnieuw
print-printing = Bezig met afdrukken…
print-done = Bon afgedrukt.
print-sent = Naar de printer “{ $printer }” gestuurd.
print-report-done = Rapport afgedrukt.
print-qr-done = Code afgedrukt.
print-refund-done = Terugbetalingsbon afgedrukt.
print-test-done = Testpagina afgedrukt.
print-no-printer = Er is geen printer ingesteld: vul eerst het adres in.
print-no-report-printer = Er is geen rapportprinter ingesteld: kies eerst een van de printers van deze computer.
print-no-device = er is geen printerapparaat op { $at } (is hij aangesloten en ingeschakeld?).
print-failed = Niet afgedrukt: { $why } De verkoop is veilig; druk later opnieuw af.
print-failed-plain = Niet afgedrukt: { $why }
print-unreachable = geen printer antwoordt op { $at }.
print-timeout = de printer op { $at } nam de bon niet op tijd aan.
print-paper-out = het papier van de printer is op.
print-no-answer = de printer op { $at } neemt de verbinding aan maar antwoordt niet (staat hij aan, en is het een bonprinter?).
print-io = er kon niet naar de printer geschreven worden ({ $detail }).
print-bad-target = “{ $target }” is geen printeradres: gebruik tcp://host:9100, een apparaat zoals /dev/usb/lp0 of de naam van een systeemprinter.
settings-section-printer = Bonprinter
settings-printer = Printer
settings-printer-hint = tcp://192.168.1.50:9100, /dev/usb/lp0 of een systeemprinter
settings-paper = Papier
settings-print-after = Afdrukken na elke betaling
settings-print-test = Testpagina afdrukken
settings-print-test-a4 = A4-testpagina afdrukken
settings-report-printer = Rapportprinter (A4)
settings-report-printer-hint = een systeemprinter; leeg: rapporten op de bonprinter
settings-system-printers = Printers op deze computer: { $names }
settings-system-printers-none = Er zijn geen printers ingesteld op deze computer.
settings-system-printers-asking = De printers van deze computer worden gezocht…
print-no-system = deze computer heeft geen afdrukdienst om zijn printers te bereiken (CUPS is niet geïnstalleerd of draait niet).
print-unknown-printer = deze computer heeft geen printer met de naam “{ $name }”.
print-refused = de afdrukdienst weigerde de opdracht ({ $detail }).
shift-print = Afdrukken
print-qr = QR afdrukken
print-qr-until = Te betalen tot { $time }
print-refund = Terugbetalingsbon afdrukken
receipt-refund = Terugbetaling
receipt-refund-amount = Terugbetaald
receipt-refund-id = Terugbetaling { $id }

# The shop server
shop-no-token = Deze kassa heeft geen token voor haar winkelserver ({ $url }) in de sleutelhanger: sluit opnieuw aan met `kassa shop join`.
shop-bad-url = “{ $url }” is geen adres van een winkelserver.
shop-not-https = De winkelserver moet via https bereikt worden (gewone http alleen op deze computer): { $url }
shop-unreachable = De winkelserver op { $url } is niet bereikbaar.
shop-unauthorised = De winkelserver kent deze kassa niet (ingetrokken, of nooit aangesloten).
shop-bad-code = De aansluitcode is niet geldig (gebruikt, verlopen of verkeerd getypt): vraag een nieuwe (`kassa-server till add`).
shop-http = De winkelserver antwoordde { $status }: { $detail }
shop-invalid = Het antwoord van de winkelserver is onleesbaar ({ $detail }).
shop-joined = Aangesloten bij winkel “{ $shop }” als kassa “{ $till }”. { $waiting ->
    [one] 1 gebeurtenis uit het journaal van deze kassa wordt
   *[other] { $waiting } gebeurtenissen uit het journaal van deze kassa worden
} verstuurd zodra de kassa draait.
shop-join-till-running = De kassa draait op deze gegevensmap: sluit ze, voer dit opnieuw uit en start ze dan (ze leest haar winkel bij het starten).
shop-none = Deze kassa hoort bij geen winkel: sluit aan met `kassa shop join URL CODE`.
shop-status = Winkel “{ $shop }”, kassa “{ $till }” op { $url }: { $waiting ->
    [one] 1 gebeurtenis wacht
   *[other] { $waiting } gebeurtenissen wachten
} om verstuurd te worden.
shop-status-offline = { $why } { $waiting ->
    [one] 1 gebeurtenis wacht
   *[other] { $waiting } gebeurtenissen wachten
} hier; niets gaat verloren.
shop-status-callbacks = De server ontvangt de callbacks van de aanbieder op { $url } en deze kassa kan ze volgen: zolang ze draait en zodra er een callback voor een van haar betalingen is gekomen, wordt een betaling op het scherm alleen als vangnet elke 5 seconden opgevraagd. { $last ->
    [none] Er is nog geen callback gekomen.
   *[other] De laatste van de winkel kwam om { $last }.
}
shop-status-no-callbacks = De server ontvangt geen callbacks van de aanbieder (hij heeft geen publieke URL): betalingen worden in het gewone tempo opgevraagd.
shop-pushed = { $sent ->
    [one] 1 gebeurtenis
   *[other] { $sent } gebeurtenissen
} verstuurd; er wacht niets meer.
shop-waiting-banner = { $waiting ->
    [one] 1 gebeurtenis wacht
   *[other] { $waiting } gebeurtenissen wachten
} op de winkelserver: { $why } Niets gaat verloren; ze worden verstuurd zodra hij antwoordt.
history-scope-till = Deze kassa
history-scope-shop = Hele winkel
history-shop-loading = De winkelserver wordt gevraagd…
history-shop-offline = { $why } De eigen verkopen van deze kassa worden getoond.
history-at-till = kassa { $till }
detail-shop-offline = { $why } Terugbetalingen op de andere kassa's zijn nu niet bekend: een verkoop van een andere kassa wordt terugbetaald zodra de server antwoordt.
detail-refund-at-till = terugbetaald op kassa { $till }
payouts-all-known-shop = Elke betaling is op een kassa van deze winkel aangeslagen.
payouts-unknown-count-shop = { $count ->
    [one] 1 betaling is
   *[other] { $count } betalingen zijn
} op geen enkele kassa van deze winkel aangeslagen (een sticker of een factuur-QR).
payouts-shop-offline = { $why } Betalingen van de andere kassa's zijn nu niet te onderscheiden.
payouts-not-a-till = sticker of factuur
shift-shop-day-open = De dag van de winkel…
shop-day-title = Dagrapport van de winkel
shop-day-date = JJJJ-MM-DD
shop-day-close = Rapport van deze kassa
shop-day-note = De Z-rapporten die elke kassa van de winkel die dag nam, opgeteld (een verkoop na de laatste Z van een kassa staat in haar volgende). Speelgeld (sandbox) telt niet mee.
shop-day-till = Kassa
shop-day-z = Z
shop-day-count = Verkopen
shop-day-paid = Betaald
shop-day-tips = Fooien
shop-day-refunded = Terugbetaald
shop-day-net = Netto
shop-day-total = Alle kassa's
shop-day-no-z = { $till } (geen Z van omzet die dag)
file-shop-day = winkeldag-{ $date }
shop-unknown-banner = De winkelserver kent deze kassa niet (ingetrokken, of nooit aangesloten): { $waiting ->
    [one] 1 gebeurtenis wacht
   *[other] { $waiting } gebeurtenissen wachten
} hier tot ze opnieuw aansluit (`kassa shop join URL CODE` met een nieuwe code van `kassa-server till add`).
