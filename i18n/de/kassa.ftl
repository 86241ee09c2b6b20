## Fehler der Zahlungslogik

error-invalid = Nicht gesendet: { $detail }
error-timeout = Payconiq hat nicht rechtzeitig geantwortet. Kassa versucht es weiter.
error-network = Keine Verbindung zu Payconiq. Prüfen Sie das Netzwerk; Kassa versucht es weiter.
error-signature = Die Antwort von Payconiq hat die Signaturprüfung nicht bestanden und wurde nicht verwendet ({ $detail }).
error-response = Payconiq hat eine Antwort geschickt, die Kassa nicht lesen kann.
error-config = Dafür fehlen Einstellungen: { $detail }
error-unknown-outcome = Es ist unklar, ob die Zahlung angelegt wurde. Prüfen Sie den Zahlungsverlauf, bevor Sie erneut kassieren.
error-payment-not-pending = Diese Zahlung kann nicht mehr storniert werden: Der Kunde hat sie bereits bestätigt.
error-payment-not-found = Payconiq kennt diese Zahlung nicht.
error-payment-voided = Diese Zahlung wurde bereits rückgängig gemacht.
error-unauthorized = Payconiq hat die Zugangsdaten abgelehnt. Prüfen Sie den API-Schlüssel oder den Signaturschlüssel in den Einstellungen.
error-access-denied = Diese Zugangsdaten dürfen das nicht.
error-rejected-field = Payconiq hat die Anfrage abgelehnt: { $detail }
error-invalid-refund-amount = Die Erstattung ist höher als der noch erstattbare Betrag dieser Zahlung.
error-refund-conflict = Diese Erstattungsanfrage wurde bereits mit anderen Angaben verwendet. Beginnen Sie eine neue Erstattung.
error-iban-not-available = Das Konto des Kunden ist noch nicht bekannt (meist ein bis zwei Tage nach der Zahlung). Versuchen Sie die Erstattung später.
error-refund-not-possible = Diese Zahlung kann im Moment nicht erstattet werden.
error-refund-not-allowed = Erstattungen sind für diesen Händler nicht freigeschaltet.
error-refund-not-found = Payconiq kennt diese Erstattung nicht.
error-payout-not-found = Payconiq kennt diese Auszahlung nicht.
error-profile-not-found = Das Zahlungsprofil existiert nicht. Prüfen Sie die Profil-ID in den Einstellungen.
error-unable-to-pay-creditor = Payconiq kann diesen Händler gerade nicht bezahlen. Wenden Sie sich an den Payconiq-Support.
error-not-allowed-to-cancel = Diese Zahlung darf an dieser Kasse nicht storniert werden.
error-rate-limited = Zu viele Anfragen an Payconiq. Kassa verlangsamt und versucht es erneut.
error-provider-down = Payconiq hat Probleme. Kassa versucht es gleich erneut.
error-other = Payconiq hat mit einem Fehler geantwortet (HTTP { $status } { $detail }).

## Kommandozeile

cli-sandbox-failed = Die Sandbox konnte nicht starten: { $detail }
cli-sandbox-running =
    Kassa-Sandbox läuft (kein echtes Geld).
      API-Basis:    { $base }
      JWKS:         { $jwks }
      Händler-ID:   { $merchant }
      Profil-ID:    { $profile }
      API-Schlüssel: { $apikey }
    Mit Strg-C beenden.
cli-keychain-unavailable = Der Schlüssel konnte nicht im Schlüsselbund des Systems gespeichert werden ({ $detail }). Mit --out DATEI können Sie ihn exportieren.
cli-keychain-place = dem Schlüsselbund des Systems (Dienst { $service }, Eintrag { $entry })
cli-keys-host-this = Veröffentlichen Sie dieses öffentliche JWKS unter einer öffentlichen https-URL und geben Sie Payconiq diese URL (Schlüssel-ID { $kid }):
cli-keys-private-at = Der private Schlüssel liegt in { $place }.
cli-callback-valid = Gültig: signiert mit Schlüssel { $kid } am { $iat } für { $path } (Profil { $sub }).
cli-callback-invalid = Ungültig: { $reason }
cli-qr-extension = Die Ausgabedatei muss auf .png oder .svg enden.
cli-qr-written = { $path } geschrieben (Größe { $size }).
cli-read-failed = { $path } kann nicht gelesen werden: { $detail }
cli-write-failed = { $path } kann nicht geschrieben werden: { $detail }
