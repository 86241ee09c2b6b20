## Errors from the payment engine

error-invalid = Not sent: { $detail }
error-timeout = Payconiq did not answer in time. Kassa keeps trying.
error-network = No connection to Payconiq. Check the network; Kassa keeps trying.
error-signature = The answer from Payconiq failed its signature check and was not used ({ $detail }).
error-response = Payconiq sent an answer Kassa cannot read.
error-config = This needs more settings: { $detail }
error-unknown-outcome = It is not known whether the payment was created. Check the payment history before charging again.
error-payment-not-pending = This payment can no longer be cancelled: the customer already confirmed it.
error-payment-not-found = Payconiq does not know this payment.
error-payment-voided = This payment was already voided.
error-unauthorized = Payconiq refused the credentials. Check the API key or signing key in Settings.
error-access-denied = These credentials are not allowed to do this.
error-rejected-field = Payconiq refused the request: { $detail }
error-invalid-refund-amount = The refund is larger than what is left to refund on this payment.
error-refund-conflict = This refund request was already used with different details. Start a new refund.
error-iban-not-available = The customer's account is not known yet (usually a day or two after paying). Try the refund later.
error-refund-not-possible = This payment cannot be refunded at the moment.
error-refund-not-allowed = Refunds are not enabled for this merchant.
error-refund-not-found = Payconiq does not know this refund.
error-payout-not-found = Payconiq does not know this payout.
error-profile-not-found = The payment profile does not exist. Check the profile id in Settings.
error-unable-to-pay-creditor = Payconiq cannot pay this merchant right now. Contact Payconiq support.
error-not-allowed-to-cancel = This payment may not be cancelled from this till.
error-rate-limited = Too many requests to Payconiq. Kassa slows down and retries.
error-provider-down = Payconiq is having trouble. Kassa retries shortly.
error-other = Payconiq answered with an error (HTTP { $status } { $detail }).

## Command line

cli-sandbox-failed = The sandbox could not start: { $detail }
cli-sandbox-running =
    Kassa sandbox running (no real money).
      API base:     { $base }
      JWKS:         { $jwks }
      Merchant id:  { $merchant }
      Profile id:   { $profile }
      API key:      { $apikey }
    Press Ctrl-C to stop.
cli-keychain-unavailable = The key could not be stored in the OS keychain ({ $detail }). Use --out FILE to export it instead.
cli-keychain-place = the OS keychain (service { $service }, entry { $entry })
cli-keys-host-this = Host this public JWKS at a public https URL and give that URL to Payconiq (key id { $kid }):
cli-keys-private-at = The private key is in { $place }.
cli-callback-valid = Valid: signed by key { $kid } at { $iat } for { $path } (profile { $sub }).
cli-callback-invalid = Invalid: { $reason }
cli-qr-extension = The output file must end in .png or .svg.
cli-qr-written = Wrote { $path } (size { $size }).
cli-read-failed = Cannot read { $path }: { $detail }
cli-write-failed = Cannot write { $path }: { $detail }
