## Errors from the payment engine

error-invalid = Not sent: { $detail }
error-timeout = Payconiq did not answer in time.
error-network = No connection to Payconiq. Check the network.
error-signature = The answer from Payconiq failed its signature check and was not used ({ $detail }).
error-response = Payconiq sent an answer Kassa cannot read.
error-config = This needs more settings: { $detail }
error-unknown-outcome = It is not known whether the payment was created. Check the payment history before charging again.
error-payment-not-pending = This payment can no longer be cancelled: the customer already confirmed it.
error-payment-not-found = Payconiq does not know this payment.
error-payment-voided = This payment was already voided.
checkout-void-too-late = The payment was completed before the void arrived: it is paid, not voided.
error-void-not-pending = This payment is no longer waiting to be completed or voided: it was voided or completed already.
error-unauthorized = Payconiq refused the credentials. Check the API key or signing key in Settings.
error-access-denied = These credentials are not allowed to do this.
error-rejected-field = Payconiq refused the request: something it was sent is missing or not accepted.
error-invalid-refund-amount = The refund is larger than what is left to refund on this payment.
error-refund-conflict = This refund request was already used with different details. Start a new refund.
error-iban-not-available = The customer's account is not known yet (usually a day or two after paying). Try the refund later.
error-refund-not-possible = Payconiq cannot refund this payment right now (for example it is still being paid out). Try again tomorrow, or refund by bank transfer using the customer's IBAN.
error-refund-not-allowed = Refunds are not enabled for this merchant profile. Ask Payconiq (Bancontact) merchant support to enable them; until then, refund by bank transfer using the customer's IBAN.
error-refund-not-found = Payconiq does not know this refund.
error-payout-not-found = Payconiq does not know this payout.
error-profile-not-found = The payment profile does not exist. Check the profile id in Settings.
error-unable-to-pay-creditor = Payconiq cannot pay this merchant right now. Contact Payconiq support.
error-not-allowed-to-cancel = This payment may not be cancelled from this till.
error-rate-limited = Too many requests to Payconiq right now.
error-provider-down = Payconiq is having trouble right now.
error-other = Payconiq refused the request.

## Command line

cli-sandbox-failed = The sandbox could not start: { $detail }
cli-sandbox-running =
    Kassa sandbox running (no real money).
      API base:     { $base }
      JWKS:         { $jwks }
      Merchant id:  { $merchant }
      Profile id:   { $profile }
      API key:      { $apikey }
      D24 base:     { $d24base }
      D24 X-Login:  { $d24login }
      D24 secret:   { $d24secret }
      D24 deposits: { $d24deposits }
    Press Ctrl-C to stop.
cli-keychain-unavailable = The key could not be stored in the OS keychain ({ $detail }). Use --out FILE to export it instead.
cli-keychain-place = the OS keychain (service { $service }, entry { $entry })
cli-keys-host-this = Host this public JWKS at a public https URL and give that URL to Payconiq (key id { $kid }):
cli-keys-private-at = The private key is in { $place }.
cli-callback-valid = Valid: signed by key { $kid } at { $iat } for { $path } (profile { $sub }).
cli-callback-invalid = Invalid: { $reason }
cli-keychain-check-ok = The OS keychain works: a test API key was stored, read back and deleted.
cli-keychain-check-failed = The OS keychain does not work here: { $detail }
cli-qr-extension = The output file must end in .png or .svg.
cli-qr-written = Wrote { $path } (size { $size }).
cli-read-failed = Cannot read { $path }: { $detail }
cli-write-failed = Cannot write { $path }: { $detail }
cli-not-a-file = { $path } is not a regular file (a device, a pipe or a folder is not read)
cli-file-too-big = { $path } is larger than { $limit } KiB: not read
cli-file-exists = { $path } exists already: choose another name (nothing is written over)
cli-keys-same-file = --out and --jwks-out name the same file: the private key and the public key set go to two files
cli-kid-invalid = The key id must be 1 to 64 letters, digits, dots, dashes or underscores.

## The till window

app-title = Kassa
app-starting = Starting…
app-start-failed = Kassa could not start: { $detail }
app-no-data-dir = Kassa found no folder for its data on this system; set KASSA_DATA_DIR.
app-blocked-title = This till cannot take payments now
app-blocked-why = The account { $account } cannot be used. { $detail }
app-blocked-what-to-do = Nothing is charged, and the till does not switch to the sandbox instead. If the keychain is locked, unlock it (log in to the desktop session) and press Try again. If a key or an id is missing, open Settings with the manager PIN and enter it.
app-blocked-retrying = Trying…
app-settings-stopped-title = Kassa will not start with these settings
app-settings-stopped = The settings file { $path } cannot be read: { $detail }. It is left exactly as it is.
app-settings-stopped-what-to-do = Without it the till knows neither its account nor its manager PIN, so it takes no payments. Restore the file from a backup (or repair it) and start Kassa again. Or start this till afresh: the file is kept aside, the keys this till stored in the keychain are forgotten, and the till starts on the sandbox with no PIN, to be set up again.
app-start-afresh = Start this till afresh (forgets its stored keys)
app-blocked-retry = Try again
app-blocked-settings = Settings…
app-sandbox-banner = Sandbox — no real money
till-description = Description (optional)
till-reference = Reference (optional)
till-charge = Charge
till-clear = Clear
till-creating = Creating the payment…
till-enter-amount = Enter an amount first.
till-amount-too-small = The amount must be at least { $min }.
till-amount-too-large = The amount can be at most { $max }.
till-amount-decimals = An amount has at most two decimals.
till-amount-malformed = This is not an amount.
field-too-long = { $field }: { $len } characters; at most { $max } are allowed.
field-bad-character = { $field }: “{ $found }” (character { $position }) cannot be used in a bank payment.

## Checkout

step-waiting = Waiting for scan
step-scanned = Scanned
step-authorized = Authorized
step-paid = Paid
status-to-complete = Paid, to complete
checkout-scan-qr = Ask the customer to scan the code with the Payconiq or banking app.
checkout-scan-sticker = Ask the customer to scan the sticker.
checkout-sticker-hint = Ask the customer to scan the sticker
checkout-scanned = The customer scanned the code and is confirming.
checkout-authorizing = The bank is authorizing the payment.
checkout-needs-ack = The customer paid. Complete the sale or void it.
checkout-expires-in = Expires in { $time }
checkout-offline = Offline — retrying
checkout-cancel = Cancel payment
checkout-confirm-cancel = The customer already scanned the code. Cancel anyway?
checkout-keep-waiting = Keep waiting
checkout-cancel-anyway = Cancel payment
checkout-complete = Complete sale
checkout-void = Void
checkout-cancelling = Cancelling…
checkout-completing = Completing…
checkout-voiding = Voiding…
final-paid = Paid
final-cancelled = Cancelled
final-expired = Expired
final-authorization-failed = Payment refused
final-authorization-failed-why = The customer's bank refused the payment (for example insufficient funds or a limit).
final-failed = Payment failed
final-failed-why = Something went wrong while confirming the payment. Nothing was charged.
final-voided = Voided
final-voided-why = The customer gets the money back.
final-tip = Including a tip of { $tip }
final-try-again = Try again
final-new-sale = New sale

## Sandbox customer phone

phone-title = Customer phone (sandbox)
phone-hint = Play the customer for the payment on screen.
phone-scan = Scan the code
phone-tip = Tip
phone-confirm = Pay
phone-decline = Decline
phone-insufficient = Insufficient funds
phone-expire = Let it expire
phone-void-off = Void-enabled profile: off
phone-void-on = Void-enabled profile: on

## Customer display

display-title = Kassa — customer display
display-show = Customer display
display-hide = Hide customer display
display-welcome = Welcome
display-scan = Scan with your Payconiq or banking app
display-confirm-on-phone = Confirm the payment on your phone
display-processing = Processing…
display-thanks = Thank you!
display-not-paid = Payment not completed

## Manager lock

manager-open = Manager
manager-lock-now = Lock now
lock-title = Manager
lock-enter-pin = Enter the manager PIN.
lock-choose-pin = Choose a manager PIN (4 to 8 digits).
lock-repeat-pin = Enter the same PIN again.
lock-wrong-pin = Wrong PIN.
lock-pin-format = A PIN is 4 to 8 digits.
lock-pins-differ = The two PINs differ. Start again.
lock-back = Back to the till
lock-unlock = Unlock

## Settings

settings-section-account = Account
settings-section-till = Till
settings-section-manager = Manager
settings-environment = Environment
settings-api-base = API base URL
settings-reconciliation-base = Reconciliation base URL
settings-jwks-url = Provider JWKS URL
settings-payload-base = QR payload host
settings-auth = Sign payments with
settings-auth-api-key = API key
settings-auth-jws = Signing key (JWS)
settings-merchant-id = Merchant id
settings-profile-id = Payment profile id
settings-api-key = API key
settings-key-id = Signing key id (kid)
settings-signing-key = Signing key
settings-stored = stored in the keychain
settings-not-stored = not set
settings-import-key = Import key…
settings-generate-key = Generate key
settings-host-jwks = Host this public JWKS at a public https URL and give that URL to Payconiq:
settings-save-jwks = Save JWKS…
settings-callback-url = Callback URL (optional)
settings-pay-mode = Customers pay by
settings-pay-dynamic = QR code on screen
settings-pay-sticker = The shop's sticker
settings-pos-id = POS id
settings-shop-id = Shop id
settings-shop-name = Shop name
settings-shop = Shop (heads the reports)
settings-shop-address = Address
settings-shop-vat = VAT number
settings-qr-size = QR size
settings-qr-colour = QR colour
settings-colour-magenta = Magenta
settings-colour-black = Black
settings-customer-display = Customer display at start
settings-on = On
settings-off = Off
settings-language = Language
settings-language-system = As the system
settings-lock-minutes = Lock after (minutes)
settings-change-pin = Change PIN
settings-close = Close
settings-test = Test connection
settings-save = Save
settings-saved = Saved.
settings-testing = Testing the connection…
settings-test-ok = Connected to { $environment }: the credentials were accepted.
settings-bad-url = { $field } must be an https:// address (plain http:// only to this computer).
settings-missing-ids = Fill in the merchant id and payment profile id.
settings-missing-api-key = Enter the API key.
settings-missing-signing-key = Import or generate a signing key first.
settings-no-keychain = The key could not be stored, so nothing was saved. { $detail }
settings-key-stored = The signing key is stored in the OS keychain.
settings-no-file = No file was chosen.
settings-key-unreadable = That file is not a key.
settings-jwks-saved = Saved to { $path }.
env-sandbox = Sandbox (built in, no real money)
env-bancontact-prod = Bancontact Payconiq — production
env-bancontact-preprod = Bancontact Payconiq — preproduction
env-payconiq-prod = Payconiq (legacy) — production
env-payconiq-ext = Payconiq (legacy) — EXT test
env-custom = Custom URLs

## Sticker and today's sales

sticker-open = Sticker…
sticker-title = The shop's QR sticker
sticker-save-png = Save PNG…
sticker-save-svg = Save SVG…
sticker-missing-ids = Set the payment profile id and POS id in Settings first.
today-open = Today's sales
today-title = Today's sales
today-refresh = Refresh
today-loading = Loading…
today-none = No payments yet today.
today-total = Paid today: { $total }
sales-col-time = Time
sales-col-date = Date
sales-col-amount = Total
sales-col-tip = Tip
sales-col-status = Status
sales-col-sale = Sale
today-total-tips = Paid today: { $total }, tips { $tips } included
journal-corrupt = The sales journal { $path } is damaged. Kassa will not charge without a journal. It can set the damaged file aside (it is kept) and start a new one.
journal-full = The disk is full: the sales journal cannot record a sale, so Kassa does not charge. Free some space, then try again.
journal-read-only = The sales journal cannot be written ({ $detail }), so Kassa does not charge.
journal-newer = The sales journal was written by a newer version of Kassa. Install that version again.
journal-other = The sales journal cannot be used ({ $detail }), so Kassa does not charge.
journal-duplicate = The reference { $reference } was already used for another sale. Type another reference or leave it empty.
journal-opening = The sales journal is still opening.
journal-set-aside = Set it aside and start a new journal
unknown-title = Outcome unknown — checking
unknown-reference = Reference { $reference }
unknown-why = Payconiq did not say whether this payment was created. Kassa is looking it up by its reference. Do not charge this sale again until it is settled.
unknown-checks = { $count ->
    [0] First look-up under way…
    [one] Looked up once; looking again shortly.
   *[other] Looked up { $count } times; looking again shortly.
}
unknown-leave = Back to the till
unknown-leave-question = The customer may still pay this sale. It stays under “Needs attention” and Kassa keeps looking it up.
unknown-stay = Stay and wait
unknown-leave-anyway = Back to the till anyway
unknown-not-created = The payment was not created: nothing was charged. You can charge this sale again.
attention-title = Needs attention
attention-unknown = Outcome unknown — checking
attention-checking = Checking its status…
attention-reopen = Reopen
attention-dismiss = OK
attention-ended = { $status } while Kassa was not watching
attention-more = and { $count } more
today-elsewhere = other till, sticker or invoice
cli-keys-exists = The keychain already holds a signing key; its public key may be registered with Payconiq. Use --force to replace it, or --out to write a new key to a file.
journal-retry = Try again
till-digit-refused = Not added: the amount can be at most { $max }.
till-decimal-refused = Not added: an amount has at most two decimals.
checkout-confirm-void = Void this payment? The customer gets { $total } back.
checkout-keep-payment = Keep the payment
checkout-void-anyway = Void and give the money back
final-cancelled-here = Cancelled here at the till. Nothing was charged.
final-declined-why = The customer cancelled the payment on the phone. Nothing was charged.
final-nothing-charged = Nothing was charged.
final-expired-why = Nobody paid in time. Nothing was charged.
settings-unsaved = There are unsaved changes. Close without saving?
settings-keep-editing = Keep editing
settings-discard = Close without saving
lock-locked = Too many wrong PINs. The PIN entry is locked until { $time }.
lock-wrong-pin-left = Wrong PIN. { $left ->
    [one] After one more wrong PIN
   *[other] After { $left } more wrong PINs
} the entry locks for a while.
file-no-dialog = This computer cannot show a file dialog (install zenity or a desktop portal). Type the file's full path instead:
file-path = Path, e.g. ~/Documents/file.png
file-cancel = Cancel
file-save-here = Save here
file-open-this = Open this file
file-io = The file could not be used: { $detail }
keychain-no-service = No keychain service is running on this computer (on Linux: gnome-keyring or KWallet). Log in to a desktop session that has one, or install gnome-keyring, then try again.
keychain-locked = The keychain is locked or refused access. Unlock it (log in again, or open the Passwords and Keys app), allow Kassa when asked, then try again.
keychain-failed = The keychain refused: { $detail }
invoice-open = Invoice QR
invoice-title = Invoice QR code
invoice-hint = For a customer who pays later: print it on the invoice or receipt. The payment shows in Today's sales once made.
invoice-amount = Amount
invoice-description = Description (at most 35 characters)
invoice-reference = Reference (at most 35 characters)
invoice-enter-amount = Enter the amount to make the code.
invoice-control = { $field } cannot contain line breaks or tabs.
invoice-no-profile = Set the payment profile id in Settings first.
invoice-no-code = The code appears here.
invoice-pay-sandbox = The customer pays it (sandbox)
invoice-paid-sandbox = Paid in the sandbox: { $amount }. It is in Today's sales.
today-cancel = Cancel
today-cancel-question = Nobody can pay it afterwards.
today-keep = Keep
today-cancel-it = Cancel it
today-cancelling = Cancelling…
today-cancelled = The payment is cancelled: nobody can pay it any more.
history-title = Payment history
history-open-button = Payment history
history-settings = Settings…
history-range-today = Today
history-range-days = Last { $days } days
history-status-all = All statuses
history-status-paid = Paid
history-status-open = Still open
history-status-not-paid = Not paid
history-search = Search reference, description or amount
history-payment-id = Or type a payment id
history-open = Open
history-none = No payments match.
history-count = { $shown ->
    [one] 1 payment
   *[other] { $shown } payments
} shown · paid { $paid }
detail-title = Payment
detail-back = Back
detail-status = Status
detail-amount = Amount
detail-tip = Tip
detail-total = Paid in total
detail-description = Description
detail-reference = Reference
detail-payment-id = Payment id
detail-created = Created
detail-paid-at = Paid at
detail-customer = Customer
detail-the-customer = the customer
detail-journal = Seen by this till
detail-not-this-till = Not rung up on this till (another till, a sticker or an invoice QR).
detail-not-created = Never created
detail-refunds = Refunds
detail-no-refunds = None from this till.
detail-balance = Paid { $paid } · refunded { $refunded } · refundable { $remaining }
detail-iban-for-refund = The customer's account for a manual refund:
detail-copy = Copy
detail-refunding = Refunding…
detail-asking-iban = Asking for the customer's IBAN…
detail-iban-copied = The IBAN is on the clipboard.
detail-get-iban = Customer's IBAN
detail-refund = Refund…
refund-needs-key = Refunds are signed with the merchant's signing key, which is not set up. Import or generate it in Settings → Signing key.
refund-left = Refundable: { $remaining }
refund-amount = Amount
refund-description = Description (optional)
refund-next = Next
refund-review = Refund { $amount } to { $customer }? This sends money back and cannot be undone.
refund-review-description = Description: “{ $description }”
refund-edit = Change
refund-confirm = Refund now
refund-sent = Refund of { $amount } asked for; its status is shown under Refunds.
refund-unknown = No clear answer: the refund may have been made. Kassa asks again with the same key, so it is never made twice.
refund-not-paid = Only a paid payment can be refunded (this one is: { $status }).
refund-nothing = Enter an amount to refund.
refund-too-much = At most { $remaining } can still be refunded.
refund-state-pending = pending
refund-state-refunded = refunded
refund-state-failed = failed — the money stays with the shop
refund-state-unanswered = no answer yet — asked again with the same key
refund-state-refused = refused: { $detail }
detail-cancelled = Cancelled: nobody can pay it any more.
detail-done = Done.
journal-needed = The journal is not open, so nothing that moves money can be done. See the banner at the top.
detail-not-found = No payment with this id was found.
history-from = From YYYY-MM-DD
history-to = To YYYY-MM-DD
history-show = Show
history-bad-period = Type both dates as YYYY-MM-DD, the first not after the second.
payouts-period-too-long = A period of { $days } days is too long: payouts are asked one day a call, at most 366 days at a time.
payouts-period-too-early = Payconiq paid nothing out before 2014: choose a later first day.
payouts-period-future = The period ends after today: nothing is paid out yet.
cli-sandbox-not-here = --sandbox names a sandbox on this computer (http://127.0.0.1:PORT or localhost), not { $url }.
cli-payouts-progress = Payouts: { $done } of { $total } days read…
history-reminder = To try again: a refund of { $amount } (asked { $day }) waited for the customer's account from their bank.
history-check-by-hand = Check by hand: a refund of { $amount } on payment { $payment } (asked { $day }, key { $key }) got no answer for over 24 hours; see the merchant portal before refunding again.
shift-open-button = Shift report…
shift-title = Shift report
shift-x-title = X report — shift { $number } (still open)
shift-z-title = Z report no. { $number } — shift closed
shift-period = From { $from } until { $until }
shift-paid = Paid (tips included)
shift-tips = of which tips
shift-cancelled = Cancelled or voided
shift-expired = Expired
shift-failed = Refused or failed
shift-open = Still open or unknown
shift-refunded = Refunded
shift-net = Net takings
shift-x = X report
shift-vat = VAT { $vat }
shift-z = Close the shift (Z report)…
shift-save-csv = Save CSV…
shift-close-question = Close this shift? Its Z report gets the next number and the shift cannot be reopened.
shift-close-open-sales = { $count ->
    [one] One sale is still open ({ $amount }): if it is paid later, it counts in the next shift.
   *[other] { $count } sales are still open ({ $amount }): those paid later count in the next shift.
}
shift-keep-open = Keep it open
shift-close-now = Close the shift
payouts-open-button = Payouts…
payouts-title = Payouts
payouts-loading = { $done } of { $all } days loaded
payouts-line = { $payments ->
    [one] 1 payment
   *[other] { $payments } payments
}, { $refunds ->
    [one] 1 refund
   *[other] { $refunds } refunds
}
payouts-total = { $count ->
    [one] 1 payout
   *[other] { $count } payouts
} · { $total } paid out
payouts-drill-title = Payout of { $day }: { $amount }
payouts-sums = Payments { $payments } − refunds { $refunds } = paid out { $payout }
payouts-ok = Everything adds up, and every payment is one of this till's.
payouts-bad-payout = Does not add up: payments minus refunds make { $expected }, but { $stated } was paid out.
payouts-bad-payments = The listed payments add up to { $listed }, not the { $stated } the payout states.
payouts-bad-refunds = The listed refunds add up to { $listed }, not the { $stated } the payout states.
shift-z-short = Z report no.
shift-session = Shift
shift-from = From
shift-until = Until
shift-printed = Printed
shift-save-pdf = Save PDF…
shift-earlier-z = Z report no. { $number }
shift-earlier-open = an earlier shift
shift-carried-paid = { $reference }: rung up in { $earlier }, paid in this shift ({ $amount })
shift-carried-refund-undone = Refund on { $payment } counted in { $earlier } was not made: { $amount } given back
shift-check-by-hand = CHECK BY HAND: refund of { $amount } on { $payment } got no answer for over 24 hours (counted as made)
shift-d24-whole-deposit = whole deposit
shift-d24-line = D24 refund, deposit { $deposit }: { $amount } { $currency }, { $status }
shift-account-sandbox = Sandbox (play money, not takings)
shift-account-legacy = kept before accounts were kept apart
shift-account = { $host }, profile { $profile }
shift-account-label = Account
shift-reprint = REPRINT — as taken
shift-chain = Chain
shift-refunds-undone = Refunds not made (given back)
shift-past = Earlier Z reports
shift-past-none = None yet
shift-no-such-z = There is no Z report no. { $number } for this account.
payouts-sums-ok = The sums add up: payments − refunds = paid out, and the lines match the totals.
payouts-all-known = Every payment was rung up on this till.
payouts-unknown-count = { $count ->
    [one] 1 payment was
   *[other] { $count } payments were
} not rung up on this till (another till, a sticker or an invoice QR).
payouts-this-till = this till
payouts-paid-out = Paid out
payouts-failed = Failed
payouts-refund-tag = refund
cli-jwks-not-https = the JWKS URL must be https (plain http only to this machine)
cli-jwks-private = the JWKS contains private key material; never share or use such a file as a public key set — make a new key pair
cli-api-no-sandbox = This till runs on its embedded sandbox, which is only there while Kassa is open. Open Kassa, or start one with `kassa sandbox` and pass --sandbox URL.
cli-api-sandbox-unreachable = No sandbox answers at { $url }: { $detail }
cli-api-cancelled = Cancel sent for payment { $id }. What the API says now:
cli-api-bad-period = The period is backwards: --from is after --to.
cli-api-bad-date = '{ $date }' is not a date: write YYYY-MM-DD (or an RFC 3339 time for payment search).
cli-api-bad-status = '{ $status }' is not a payment status. Known: { $known }.
cli-api-refund-key = Idempotency key: { $key } (ask again with --idempotency-key { $key } and the same amount: it never refunds twice)
cli-api-refund-key-other = The journal already holds a refund with key { $key }: { $amount } on payment { $payment }. Ask again with exactly that payment and amount, or leave out --idempotency-key for a new refund. Nothing was sent.
cli-api-create-unknown = The payment may or may not exist: it is in the till's journal, which looks it up by its reference when the till runs.
cli-d24-key-other = The journal already holds a D24 refund with key { $key }, for deposit { $deposit }. Ask again with that deposit, or leave out --idempotency-key for a new refund. Nothing was sent.
cli-d24-key-other-request = The journal already holds a D24 refund with key { $key } for this deposit, asked with another amount, bank account or currency. Ask again exactly as then (the same key never refunds twice), or leave out --idempotency-key for a new refund. Nothing was sent.
cli-api-expires = Expires
cli-api-qr = QR payload
cli-api-refund-id = Refund id
cli-api-count = { $count ->
    [one] 1 payment
   *[other] { $count } payments
}
cli-api-no-payouts = No payouts in { $period }.
cli-api-payout-date = Date
cli-api-paid-out = Paid out
cli-api-payments = Payments
cli-api-payout-id = Payout id
cli-callback-path-unchecked = Not checked: the callback URL it was sent to (give --path, or set the callback URL in Settings).
cli-callback-profile-unchecked = Not checked: the payment profile (give --profile, or set the profile id in Settings).
d24-error-timeout = D24 did not answer in time.
d24-error-network = No connection to D24. Check the network.
d24-error-response = D24 sent an answer Kassa cannot read.
d24-error-config = The D24 account is not complete: { $detail }. Complete it in Settings.
d24-error-credentials = D24 does not know this X-Login. Check the D24 account in Settings (staging and production logins differ).
d24-error-header = D24 refused the request: a required header is missing or malformed.
d24-error-signature = D24 refused the request's signature. Check the secret key of the D24 account in Settings.
d24-error-date = D24 refused the request's time: this computer's clock is wrong. Set the date and time, then try again.
d24-error-method = D24 does not accept this kind of request here.
d24-error-ip = D24 refused this computer's internet address. Add it to the allowed IPs in the D24 merchant panel.
d24-error-body = D24 could not read the request: { $detail }
d24-error-forbidden = This D24 merchant account may not use refunds over the API. Ask your D24 account manager.
d24-error-not-found = D24 found no such deposit or refund. Check the deposit id and the invoice id.
d24-error-refunds-not-enabled = Refunds are not enabled for this D24 merchant account. Ask your D24 account manager.
d24-error-deposit-not-completed = This deposit is not completed, so it cannot be refunded yet.
d24-error-invalid-amount = D24 refused the amount: it is more than is left of the deposit (earlier refunds count), or not a valid amount. No refund was made.
d24-error-insufficient-funds = The D24 merchant balance is too low for this refund. No refund was made.
d24-error-missing-bank-account = This deposit was not paid by card: D24 needs the customer's bank account to refund it.
d24-error-refund-failed = D24 could not process the refund: { $detail } Flag it for review in the D24 merchant panel.
d24-error-rate-limited = D24 asks to slow down. Try again in a moment.
d24-error-provider-down = D24 has a problem on its side. Try again later.
d24-error-other = D24 refused the request.
d24-problem-card-amount = A card deposit is refunded in full: leave the amount empty.
d24-problem-field = Check this field: { $field }.
d24-field-deposit = Deposit id
d24-field-invoice = Invoice id
d24-field-amount = Amount
d24-field-beneficiary = Account holder
d24-field-bank-code = Bank code
d24-field-branch = Branch
d24-field-account-number = Account number
d24-field-document-id = ID document number
d24-field-comments = Comment
d24-field-notification-url = Notification URL
d24-sandbox-needs-sandbox = The D24 sandbox is part of the embedded sandbox: choose D24 staging or production in Settings, or run the till on the sandbox.
d24-missing-url = No D24 address yet: type the one D24 gave you in Settings.
d24-missing-login = No D24 X-Login yet: type it in Settings.
d24-missing-secret = No D24 secret key in the keychain yet: type it in Settings and save.
settings-section-d24 = Refunds over D24 (OneKey Payments) deposits
settings-d24-url = D24 address
settings-d24-login = X-Login (API key)
settings-d24-secret = Secret key (API Signature)
settings-d24-test = Test D24 connection
settings-d24-test-ok = D24 answered: the X-Login, secret key and this computer's clock are right ({ $environment }).
d24-env-sandbox = Sandbox (built in)
d24-env-staging = D24 staging (test)
d24-env-production = D24 production
history-refund-button = Refund…
refund-title = Refund
refund-provider-payconiq = Payconiq payment
refund-provider-d24 = D24 deposit
refund-payconiq-how = A Payconiq payment is refunded from the payment itself: open it in the payment history and press Refund.
d24-connecting = Reaching the D24 account…
d24-account = D24 account { $login } at { $base }
d24-recent = D24 refunds asked for
d24-method = Paid by
d24-method-card = Card
d24-method-other = Cash, bank transfer, other
d24-card-whole = A card deposit is refunded in full, to the same card: only its deposit id and invoice id are needed.
d24-bank-account = The customer's bank account
d24-account-type = Account type
d24-account-checking = Checking
d24-account-saving = Savings
d24-account-salary = Salary
d24-review-amount = Refund { $amount }? This sends money back and cannot be undone.
d24-review-card = Refund the whole card deposit? This sends money back and cannot be undone.
d24-review-deposit = D24 deposit { $deposit }, invoice { $invoice }
d24-review-account = To { $beneficiary }, account { $account } ({ $kind }, bank { $bank }, branch { $branch })
d24-refund-id = D24 refund id { $id }
d24-resending = Kassa sends the same request again, with the same key, every { $seconds } seconds while this screen is open, and when it is opened again: it is never made twice.
d24-following = Kassa reads its status every second while this screen is open.
d24-another = Another refund
d24-whole-deposit = whole deposit
d24-status-completed = Completed: the money went back to the customer.
d24-status-rejected = Rejected: { $reason } The money stays with the shop.
d24-status-cancelled = Cancelled: nothing was paid back.
d24-status-delivered = Sent to the bank: it can no longer be cancelled.
d24-status-incorrect-details = D24 needs corrected details: see the D24 merchant panel.
d24-status-pending = Pending at D24.
d24-status-unanswered = No clear answer from D24 yet: the refund may or may not have been made.
d24-status-refused = Refused by D24: nothing was paid back.
d24-sandbox-deposits = Sandbox deposits to try
d24-deposit-left = left: { $left }
d24-deposit-not-completed = not completed
d24-use = Use
d24-env-custom = Custom address
d24-field-currency = Currency (three letters, e.g. EUR)
lock-next = Next
lock-set-pin = Set PIN
cli-d24-account-type = '{ $given }' is not an account type: write checking, saving or salary.
cli-d24-deposit = Deposit { $deposit } · invoice { $invoice }
cli-d24-amount-needs-account = --amount refunds part of a deposit not paid by card, and that needs the customer's bank account (--account FILE or --account-prompt). A card deposit is refunded whole: leave out --amount.
cli-d24-no-refund = D24 knows no refund with id { $id } for this account.
cli-d24-account-file-bad = { $path } is not a bank account file: { $detail }. It holds beneficiary, bank_code, branch, account_number and, if needed, account_type and document_id.
cli-d24-account-prompt-no-terminal = --account-prompt asks on the terminal, and standard input is not one: give the account in a file with --account FILE.
cli-d24-account-prompt-ended = The input ended before the bank account was complete. Nothing was sent.
cli-d24-prompt-optional = { $field } (optional)
cli-d24-prompt-required = { $field } (required)
cli-d24-prompt-account-type = Account type: checking, saving or salary [{ $default }]
cli-d24-account-not-in-arguments = The customer's bank account is not taken from the command line: other users see arguments (ps) and the shell keeps them in its history. Put it in a file and give --account FILE, or use --account-prompt. Nothing was sent.

profile-bad-name = “{ $name }” is not a profile name: use letters, digits, - and _ (at most 32).
already-running = Kassa is already running on { $dir } (process { $pid }). Use that window, or start a second till with its own profile: kassa --profile NAME.
lock-failed = Kassa could not take its data folder: { $detail }
cli-pin-none = No manager PIN is set on this till: choose one in Kassa (Manager) first.
cli-pin-locked = Too many wrong PINs: PIN entry is locked until { $until }, here and at the till.
cli-pin-wrong = Wrong PIN. Nothing was done. Tries left before PIN entry locks: { $left }.
cli-pin-empty = No PIN was given. Nothing was done.
cli-pin-no-terminal = This command needs the manager PIN: run it in a terminal, or give the PIN on standard input with --pin-stdin.
cli-pin-prompt = Manager PIN: 
cli-journal-none = There is no journal at { $path } yet.
cli-backup-failed = Backup failed: { $detail }
cli-backup-made = Backed up to { $path } ({ $entries } chained rows, verified).
cli-backup-removed = Removed the older copy { $path }.
cli-restore-failed = Restore refused: { $detail }. The journal was not touched.
cli-restored = Restored { $from } as { $to }. Start Kassa to use it.
cli-restore-aside = The journal that was there is kept as { $path }.
cli-verify-ok = { $path }: the chain holds ({ $entries } rows). Head: { $head }
cli-verify-last-z = Last Z report of { $account }: no. { $number }, chain { $hash } (compare with its paper)
cli-verify-failed = { $path }: DOES NOT VERIFY after { $entries } good rows: { $problem }
refund-in-flight = This refund's request is already on its way; wait for its answer.
refund-check-by-hand = This refund got no answer for over 24 hours, longer than the provider may keep its key: sending it again could refund twice. Check it by hand in the Payconiq merchant portal before refunding again.
backup-failed-banner = The daily journal backup to { $dir } failed ({ $when }): { $why }. Check the folder (is the USB stick in, the share reachable?); it is tried again every hour.
settings-section-backup = Journal backup
settings-backup-dir = Daily copy to folder
settings-backup-keep = Copies kept
settings-backup-hint = A USB stick or a network share; empty for none. The copy is verified; a failure is shown on the till.
cli-report-invoices-unchecked = Payments made with this till's invoice codes were not looked up ({ $detail }); the report holds those found before.
shift-moved = That shift was closed elsewhere meanwhile (Z report no. { $number }); nothing was closed now. Below is the shift open now.
cli-report-unknown-account = This journal keeps no books for the account “{ $account }”. Leave out --account for the till's own, or give sandbox.
d24-sandbox-books = Not sent: this D24 account is a real one, but the till runs on the sandbox, whose books are play money, so the refund would be in no real Z report. Set the till up with its real Payconiq account first, or use the sandbox's D24 account.

# Suggested names of exported files (no extension).
file-sticker = payconiq-sticker
file-invoice = payconiq-invoice
file-x-report = x-report-shift-{ $number }
file-z-report = z-report-{ $number }
file-z-reprint = z-report-{ $number }-reprint
file-payouts = payouts
file-payout = payout-{ $id }

# Printing receipts.
receipt-till = Till { $pos }
receipt-reference = Reference { $reference }
receipt-amount = Amount
receipt-tip = Tip
receipt-total = Total
receipt-paid-with = Paid with Payconiq by Bancontact
receipt-payment = Payment { $id }
receipt-reprint = REPRINT
receipt-test-title = Test page
print-receipt = Print receipt
print-reprint = Reprint last receipt
print-printing = Printing…
print-done = Receipt printed.
print-sent = Sent to the printer “{ $printer }”.
print-report-done = Report printed.
print-qr-done = Code printed.
print-refund-done = Refund slip printed.
print-test-done = Test page printed.
print-no-printer = No printer is set: type its address first.
print-no-report-printer = No report printer is set: choose one of this computer's printers first.
print-no-device = there is no printer device at { $at } (is it plugged in and switched on?).
print-failed = Not printed: { $why } The sale is safe; print it again later.
print-failed-plain = Not printed: { $why }
print-unreachable = no printer answers at { $at }.
print-timeout = the printer at { $at } did not take the slip in time.
print-paper-out = the printer is out of paper.
print-no-answer = the printer at { $at } takes the connection but does not answer (is it on, and a receipt printer?).
print-io = the printer could not be written to ({ $detail }).
print-bad-target = “{ $target }” is not a printer address: use tcp://host:9100, a device such as /dev/usb/lp0, or a system printer’s name.
settings-section-printer = Receipt printer
settings-printer = Printer
settings-printer-hint = tcp://192.168.1.50:9100, /dev/usb/lp0 or a system printer
settings-paper = Paper
settings-print-after = Print after each payment
settings-print-test = Print a test page
settings-print-test-a4 = Print an A4 test page
settings-report-printer = Report printer (A4)
settings-report-printer-hint = a system printer; empty: reports on the receipt printer
settings-system-printers = Printers on this computer: { $names }
settings-system-printers-none = No printers are set up on this computer.
settings-system-printers-asking = Looking for this computer’s printers…
print-no-system = this computer has no print service to reach its printers (CUPS is not installed or not running).
print-unknown-printer = this computer has no printer called “{ $name }”.
print-refused = the print service refused the job ({ $detail }).
shift-print = Print
print-qr = Print QR
print-qr-until = Can be paid until { $time }
print-refund = Print refund slip
receipt-refund = Refund
receipt-refund-amount = Refunded
receipt-refund-id = Refund { $id }

# The shop server
shop-no-token = This till has no token for its shop server ({ $url }) in the keychain: join again with `kassa shop join`.
shop-bad-url = “{ $url }” is not a shop server address.
shop-not-https = The shop server must be reached over https (plain http only on this computer): { $url }
shop-unreachable = The shop server at { $url } cannot be reached.
shop-unauthorised = The shop server does not know this till (revoked, or never joined).
shop-bad-code = The join code is not valid (used, expired or mistyped): ask for a new one (`kassa-server till add`).
shop-http = The shop server answered { $status }: { $detail }
shop-invalid = The shop server's answer could not be read ({ $detail }).
shop-joined = Joined shop “{ $shop }” as till “{ $till }”. { $waiting ->
    [one] 1 event of this till's journal is
   *[other] { $waiting } events of this till's journal are
} sent as soon as the till runs.
shop-join-till-running = The till is running on this data folder: close it, run this again, then start it (it reads its shop when it starts).
shop-none = This till is not in a shop: join one with `kassa shop join URL CODE`.
shop-status = Shop “{ $shop }”, till “{ $till }” at { $url }: { $waiting ->
    [one] 1 event waits
   *[other] { $waiting } events wait
} to be sent.
shop-status-offline = { $why } { $waiting ->
    [one] 1 event waits
   *[other] { $waiting } events wait
} here; nothing is lost.
shop-status-callbacks = The server receives the provider's callbacks at { $url } and this till can follow them: while it runs, once a callback has come for one of its payments, a payment on screen is read only every 5 seconds, as a safety net. { $last ->
    [none] No callback has come yet.
   *[other] The shop's last came at { $last }.
}
shop-status-no-callbacks = The server does not receive the provider's callbacks (it has no public URL): payments are read at the usual pace.
shop-pushed = Sent { $sent ->
    [one] 1 event
   *[other] { $sent } events
}; none wait.
shop-waiting-banner = { $waiting ->
    [one] 1 event waits
   *[other] { $waiting } events wait
} for the shop server: { $why } Nothing is lost; they are sent when it answers.
history-scope-till = This till
history-scope-shop = Whole shop
history-shop-loading = Asking the shop server…
history-shop-offline = { $why } This till's own sales are shown.
history-at-till = till { $till }
detail-shop-offline = { $why } Refunds made on the other tills are not known now: another till's sale is refunded once the server answers.
detail-refund-at-till = refunded on till { $till }
payouts-all-known-shop = Every payment was rung up on a till of this shop.
payouts-unknown-count-shop = { $count ->
    [one] 1 payment was
   *[other] { $count } payments were
} rung up on no till of this shop (a sticker or an invoice QR).
payouts-shop-offline = { $why } Payments of the other tills cannot be told apart now.
payouts-not-a-till = sticker or invoice
shift-shop-day-open = The shop's day…
shop-day-title = The shop's day report
shop-day-date = YYYY-MM-DD
shop-day-close = This till's report
shop-day-note = The Z reports every till of the shop took that day, added up (a sale after a till's last Z is in its next one). Play money (sandbox) is left out.
shop-day-till = Till
shop-day-z = Z
shop-day-count = Sales
shop-day-paid = Paid
shop-day-tips = Tips
shop-day-refunded = Refunded
shop-day-net = Net
shop-day-total = All tills
shop-day-no-z = { $till } (no Z of takings that day)
file-shop-day = shop-day-{ $date }
shop-unknown-banner = The shop server does not know this till (revoked, or never joined): { $waiting ->
    [one] 1 event waits
   *[other] { $waiting } events wait
} here until it joins again (`kassa shop join URL CODE` with a new code from `kassa-server till add`).
