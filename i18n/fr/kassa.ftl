## Erreurs du moteur de paiement

error-invalid = Non envoyé : { $detail }
error-timeout = Payconiq n'a pas répondu à temps.
error-network = Pas de connexion avec Payconiq. Vérifiez le réseau.
error-signature = La réponse de Payconiq n'a pas passé le contrôle de signature et n'a pas été utilisée ({ $detail }).
error-response = Payconiq a envoyé une réponse que Kassa ne peut pas lire.
error-config = Il faut d'abord compléter les réglages : { $detail }
error-unknown-outcome = On ne sait pas si le paiement a été créé. Consultez l'historique avant d'encaisser à nouveau.
error-payment-not-pending = Ce paiement ne peut plus être annulé : le client l'a déjà confirmé.
error-payment-not-found = Payconiq ne connaît pas ce paiement.
error-payment-voided = Ce paiement a déjà été annulé (void).
error-unauthorized = Payconiq a refusé les identifiants. Vérifiez la clé API ou la clé de signature dans Réglages.
error-access-denied = Ces identifiants n'ont pas le droit de faire ceci.
error-rejected-field = Payconiq a refusé la demande : { $detail }
error-invalid-refund-amount = Le remboursement dépasse ce qui reste à rembourser sur ce paiement.
error-refund-conflict = Cette demande de remboursement a déjà servi avec d'autres données. Commencez un nouveau remboursement.
error-iban-not-available = Le compte du client n'est pas encore connu (en général un ou deux jours après le paiement). Réessayez le remboursement plus tard.
error-refund-not-possible = Payconiq ne peut pas rembourser ce paiement maintenant (par exemple il est encore en cours de versement). Réessayez demain, ou remboursez par virement avec l'IBAN du client.
error-refund-not-allowed = Les remboursements ne sont pas activés pour ce profil commerçant. Demandez au support commerçants de Payconiq (Bancontact) de les activer ; en attendant, remboursez par virement avec l'IBAN du client.
error-refund-not-found = Payconiq ne connaît pas ce remboursement.
error-payout-not-found = Payconiq ne connaît pas ce versement.
error-profile-not-found = Le profil de paiement n'existe pas. Vérifiez l'identifiant du profil dans Réglages.
error-unable-to-pay-creditor = Payconiq ne peut pas payer ce commerçant pour l'instant. Contactez le support Payconiq.
error-not-allowed-to-cancel = Ce paiement ne peut pas être annulé depuis cette caisse.
error-rate-limited = Trop de demandes vers Payconiq en ce moment.
error-provider-down = Payconiq rencontre des problèmes en ce moment.
error-other = Payconiq a répondu par une erreur (HTTP { $status } { $detail }).

## Ligne de commande

cli-sandbox-failed = Le bac à sable n'a pas pu démarrer : { $detail }
cli-sandbox-running =
    Bac à sable Kassa en marche (pas d'argent réel).
      Base de l'API :     { $base }
      JWKS :              { $jwks }
      ID commerçant :     { $merchant }
      ID profil :         { $profile }
      Clé API :           { $apikey }
    Appuyez sur Ctrl-C pour arrêter.
cli-keychain-unavailable = La clé n'a pas pu être enregistrée dans le trousseau du système ({ $detail }). Utilisez --out FICHIER pour l'exporter.
cli-keychain-place = le trousseau du système (service { $service }, entrée { $entry })
cli-keys-host-this = Publiez ce JWKS public à une URL https publique et donnez cette URL à Payconiq (identifiant de clé { $kid }) :
cli-keys-private-at = La clé privée se trouve dans { $place }.
cli-callback-valid = Valide : signé par la clé { $kid } le { $iat } pour { $path } (profil { $sub }).
cli-callback-invalid = Non valide : { $reason }
cli-keychain-check-ok = Le trousseau du système fonctionne : une clé API de test a été enregistrée, relue et supprimée.
cli-keychain-check-failed = Le trousseau du système ne fonctionne pas ici : { $detail }
cli-qr-extension = Le fichier de sortie doit se terminer par .png ou .svg.
cli-qr-written = { $path } écrit (taille { $size }).
cli-read-failed = Impossible de lire { $path } : { $detail }
cli-write-failed = Impossible d'écrire { $path } : { $detail }

## La caisse

app-title = Kassa
app-starting = Démarrage…
app-start-failed = Kassa n'a pas pu démarrer : { $detail }
app-account-unavailable = Le compte configuré ne peut pas être utilisé ({ $detail }). La caisse fonctionne sur le bac à sable jusqu'à correction dans Réglages.
app-sandbox-banner = Bac à sable — pas d'argent réel
till-description = Description (facultative)
till-reference = Référence (facultative)
till-charge = Encaisser
till-clear = Effacer
till-creating = Création du paiement…
till-enter-amount = Saisissez d'abord un montant.
till-amount-too-small = Le montant doit être d'au moins { $min }.
till-amount-too-large = Le montant ne peut pas dépasser { $max }.
till-amount-decimals = Un montant a au plus deux décimales.
till-amount-malformed = Ce n'est pas un montant.
field-too-long = { $field } : { $len } caractères ; { $max } au maximum.
field-bad-character = { $field } : « { $found } » (caractère { $position }) n'est pas accepté dans un paiement bancaire.

## Paiement

step-waiting = En attente du scan
step-scanned = Scanné
step-authorized = Autorisé
step-paid = Payé
checkout-scan-qr = Demandez au client de scanner le code avec l'app Payconiq ou son app bancaire.
checkout-scan-sticker = Demandez au client de scanner l'autocollant.
checkout-sticker-hint = Demandez au client de scanner l'autocollant
checkout-scanned = Le client a scanné le code et est en train de confirmer.
checkout-authorizing = La banque autorise le paiement.
checkout-needs-ack = Le client a payé. Finalisez la vente ou annulez-la.
checkout-expires-in = Expire dans { $time }
checkout-offline = Hors ligne — nouvel essai
checkout-cancel = Annuler le paiement
checkout-confirm-cancel = Le client a déjà scanné le code. Annuler quand même ?
checkout-keep-waiting = Continuer d'attendre
checkout-cancel-anyway = Annuler le paiement
checkout-complete = Finaliser la vente
checkout-void = Annuler (void)
final-paid = Payé
final-cancelled = Annulé
final-expired = Expiré
final-authorization-failed = Paiement refusé
final-authorization-failed-why = La banque du client a refusé le paiement (par exemple solde insuffisant ou limite atteinte).
final-failed = Échec du paiement
final-failed-why = Un problème est survenu lors de la confirmation. Rien n'a été débité.
final-voided = Annulé (void)
final-voided-why = Le client est remboursé.
final-tip = Pourboire de { $tip } compris
final-try-again = Réessayer
final-new-sale = Nouvelle vente

## Téléphone client simulé

phone-title = Téléphone du client (bac à sable)
phone-hint = Jouez le client pour le paiement à l'écran.
phone-scan = Scanner le code
phone-tip = Pourboire
phone-confirm = Payer
phone-decline = Refuser
phone-insufficient = Solde insuffisant
phone-expire = Laisser expirer
phone-void-off = Profil void : non
phone-void-on = Profil void : oui

## Écran client

display-title = Kassa — écran client
display-show = Écran client
display-hide = Masquer l'écran client
display-welcome = Bienvenue
display-scan = Scannez avec l'app Payconiq ou votre app bancaire
display-confirm-on-phone = Confirmez le paiement sur votre téléphone
display-processing = Traitement…
display-thanks = Merci !
display-not-paid = Paiement non abouti

## Verrou gérant

manager-open = Gérant
lock-title = Gérant
lock-enter-pin = Saisissez le code PIN du gérant.
lock-choose-pin = Choisissez un code PIN gérant (4 à 8 chiffres).
lock-repeat-pin = Saisissez à nouveau le même code.
lock-wrong-pin = Code PIN erroné.
lock-pin-format = Un code PIN compte 4 à 8 chiffres.
lock-pins-differ = Les deux codes diffèrent. Recommencez.
lock-back = Retour à la caisse
lock-unlock = Déverrouiller

## Réglages

settings-section-account = Compte
settings-section-till = Caisse
settings-section-manager = Gérant
settings-environment = Environnement
settings-api-base = URL de base de l'API
settings-reconciliation-base = URL de base du rapprochement
settings-jwks-url = URL JWKS du fournisseur
settings-payload-base = Hôte du contenu QR
settings-auth = Signer les paiements avec
settings-auth-api-key = Clé API
settings-auth-jws = Clé de signature (JWS)
settings-merchant-id = ID commerçant
settings-profile-id = ID du profil de paiement
settings-api-key = Clé API
settings-key-id = ID de la clé de signature (kid)
settings-signing-key = Clé de signature
settings-stored = enregistrée dans le trousseau
settings-not-stored = non définie
settings-import-key = Importer une clé…
settings-generate-key = Générer une clé
settings-host-jwks = Publiez ce JWKS public à une URL https publique et donnez cette URL à Payconiq :
settings-save-jwks = Enregistrer le JWKS…
settings-callback-url = URL de rappel (facultative)
settings-pay-mode = Les clients paient via
settings-pay-dynamic = Un code QR à l'écran
settings-pay-sticker = L'autocollant du magasin
settings-pos-id = ID du point de vente
settings-shop-id = ID du magasin
settings-shop-name = Nom du magasin
settings-qr-size = Taille du QR
settings-qr-colour = Couleur du QR
settings-colour-magenta = Magenta
settings-colour-black = Noir
settings-customer-display = Écran client
settings-on = Activé
settings-off = Désactivé
settings-language = Langue
settings-language-system = Comme le système
settings-lock-minutes = Verrouiller après (minutes)
settings-change-pin = Changer le code PIN
settings-close = Fermer
settings-test = Tester la connexion
settings-save = Enregistrer
settings-saved = Enregistré.
settings-testing = Test de la connexion…
settings-test-ok = Connecté à { $environment } : les identifiants ont été acceptés.
settings-bad-url = { $field } doit être une adresse http:// ou https://.
settings-missing-ids = Renseignez l'ID commerçant et l'ID du profil de paiement.
settings-missing-api-key = Saisissez la clé API.
settings-missing-signing-key = Importez ou générez d'abord une clé de signature.
settings-no-keychain = La clé n'a pas pu être enregistrée, donc rien n'a été sauvegardé. { $detail }
settings-key-stored = La clé de signature est enregistrée dans le trousseau.
settings-no-file = Aucun fichier choisi.
settings-key-unreadable = Ce fichier n'est pas une clé.
settings-jwks-saved = Enregistré dans { $path }.
env-sandbox = Bac à sable (intégré, pas d'argent réel)
env-bancontact-prod = Bancontact Payconiq — production
env-bancontact-preprod = Bancontact Payconiq — préproduction
env-payconiq-prod = Payconiq (ancien) — production
env-payconiq-ext = Payconiq (ancien) — test EXT
env-custom = URL personnalisées

## Autocollant et ventes du jour

sticker-open = Autocollant…
sticker-title = L'autocollant QR du magasin
sticker-save-png = Enregistrer en PNG…
sticker-save-svg = Enregistrer en SVG…
sticker-missing-ids = Définissez d'abord l'ID du profil de paiement et l'ID du point de vente dans Réglages.
today-open = Ventes du jour
today-title = Ventes du jour
today-refresh = Actualiser
today-loading = Chargement…
today-none = Aucun paiement aujourd'hui.
today-total = Payé aujourd'hui : { $total }
journal-corrupt = Le journal des ventes { $path } est endommagé. Kassa n'encaisse pas sans journal. Il peut mettre le fichier endommagé de côté (il est conservé) et en commencer un nouveau.
journal-full = Le disque est plein : le journal des ventes ne peut rien enregistrer, Kassa n'encaisse donc pas. Libérez de l'espace puis réessayez.
journal-read-only = Le journal des ventes ne peut pas être écrit ({ $detail }), Kassa n'encaisse donc pas.
journal-newer = Le journal des ventes a été écrit par une version plus récente de Kassa. Réinstallez cette version.
journal-other = Le journal des ventes est inutilisable ({ $detail }), Kassa n'encaisse donc pas.
journal-duplicate = La référence { $reference } a déjà servi pour une autre vente. Saisissez-en une autre ou laissez le champ vide.
journal-opening = Le journal des ventes s'ouvre encore.
journal-set-aside = Le mettre de côté et commencer un nouveau journal
unknown-title = Résultat inconnu — vérification
unknown-reference = Référence { $reference }
unknown-why = Payconiq n'a pas dit si ce paiement a été créé. Kassa le recherche par sa référence. N'encaissez pas cette vente à nouveau avant que ce soit réglé.
unknown-checks = { $count ->
    [0] Première recherche en cours…
    [one] Recherché une fois ; nouvelle recherche sous peu.
   *[other] Recherché { $count } fois ; nouvelle recherche sous peu.
}
unknown-leave = Retour à la caisse
unknown-leave-question = Le client peut encore payer cette vente. Elle reste sous « À vérifier » et Kassa continue de la rechercher.
unknown-stay = Rester et attendre
unknown-leave-anyway = Retourner quand même à la caisse
unknown-not-created = Le paiement n'a pas été créé : rien n'a été encaissé. Vous pouvez encaisser cette vente à nouveau.
attention-title = À vérifier
attention-unknown = Résultat inconnu — vérification
attention-checking = Vérification du statut…
attention-reopen = Rouvrir
attention-dismiss = OK
attention-ended = { $status } pendant que Kassa ne suivait pas
attention-more = et { $count } de plus
today-elsewhere = autre caisse, autocollant ou facture
cli-keys-exists = Le trousseau contient déjà une clé de signature ; sa clé publique est peut-être enregistrée chez Payconiq. Utilisez --force pour la remplacer, ou --out pour écrire une nouvelle clé dans un fichier.
journal-retry = Réessayer
till-digit-refused = Chiffre refusé : le montant ne peut pas dépasser { $max }.
till-decimal-refused = Chiffre refusé : un montant a au plus deux décimales.
checkout-confirm-void = Annuler ce paiement ? Le client récupère { $total }.
checkout-keep-payment = Garder le paiement
checkout-void-anyway = Annuler et rembourser
final-cancelled-here = Annulé à la caisse
final-declined = Refusé par le client
final-declined-why = Le client a annulé le paiement sur son téléphone. Rien n'a été débité.
settings-unsaved = Des modifications ne sont pas enregistrées. Fermer sans enregistrer ?
settings-keep-editing = Continuer
settings-discard = Fermer sans enregistrer
lock-locked = Trop de codes erronés. La saisie est bloquée jusqu'à { $time }.
lock-wrong-pin-left = Code erroné. Après encore { $left } codes erronés, la saisie sera bloquée un moment.
file-no-dialog = Cet ordinateur ne peut pas afficher de fenêtre de fichiers (installez zenity ou un portail de bureau). Tapez plutôt le chemin complet du fichier :
file-path = Chemin, p. ex. ~/Documents/fichier.png
file-cancel = Annuler
file-save-here = Enregistrer ici
file-open-this = Ouvrir ce fichier
file-io = Le fichier n'a pas pu être utilisé : { $detail }
keychain-no-service = Aucun trousseau ne fonctionne sur cet ordinateur (sous Linux : gnome-keyring ou KWallet). Ouvrez une session de bureau qui en a un, ou installez gnome-keyring, puis réessayez.
keychain-locked = Le trousseau est verrouillé ou a refusé l'accès. Déverrouillez-le (reconnectez-vous ou ouvrez l'application Mots de passe et clés), autorisez Kassa si on vous le demande, puis réessayez.
keychain-failed = Le trousseau a refusé : { $detail }
invoice-open = QR de facture
invoice-title = Code QR de facture
invoice-hint = Pour un client qui paie plus tard : imprimez-le sur la facture ou le ticket. Le paiement apparaît dans Ventes du jour une fois effectué.
invoice-amount = Montant
invoice-description = Description (35 caractères au plus)
invoice-reference = Référence (35 caractères au plus)
invoice-enter-amount = Saisissez le montant pour créer le code.
invoice-control = { $field } ne peut pas contenir de retour à la ligne ni de tabulation.
invoice-no-profile = Indiquez d'abord l'identifiant du profil de paiement dans les réglages.
invoice-no-code = Le code apparaît ici.
invoice-pay-sandbox = Le client le paie (bac à sable)
invoice-paid-sandbox = Payé dans le bac à sable : { $amount }. Il figure dans Ventes du jour.
today-cancel = Annuler
today-cancel-question = Plus personne ne pourra le payer.
today-keep = Garder
today-cancel-it = L'annuler
today-cancelling = Annulation…
today-cancelled = Le paiement est annulé : plus personne ne peut le payer.
history-title = Historique des paiements
history-open-button = Historique
history-settings = Réglages…
history-range-today = Aujourd'hui
history-range-days = { $days } derniers jours
history-status-all = Tous les statuts
history-status-paid = Payés
history-status-open = En cours
history-status-not-paid = Non payés
history-search = Chercher référence, description ou montant
history-payment-id = Ou tapez un identifiant de paiement
history-open = Ouvrir
history-none = Aucun paiement ne correspond.
history-count = { $shown } paiements affichés · payé { $paid }
detail-title = Paiement
detail-back = Retour
detail-status = Statut
detail-amount = Montant
detail-tip = Pourboire
detail-total = Total payé
detail-description = Description
detail-reference = Référence
detail-payment-id = Identifiant
detail-created = Créé
detail-paid-at = Payé à
detail-customer = Client
detail-the-customer = le client
detail-journal = Vu par cette caisse
detail-not-this-till = Pas encaissé sur cette caisse (autre caisse, autocollant ou QR de facture).
detail-not-created = Jamais créé
detail-refunds = Remboursements
detail-no-refunds = Aucun depuis cette caisse.
detail-balance = Payé { $paid } · remboursé { $refunded } · remboursable { $remaining }
detail-iban = Compte du client pour un remboursement manuel : { $iban }
detail-get-iban = IBAN du client
detail-refund = Rembourser…
refund-needs-key = Les remboursements sont signés avec la clé de signature du commerçant, qui n'est pas configurée. Importez-la ou créez-la dans Réglages → Clé de signature.
refund-left = Remboursable : { $remaining }
refund-amount = Montant
refund-description = Description (facultative)
refund-next = Suivant
refund-review = Rembourser { $amount } à { $customer } ? L'argent est renvoyé et ce n'est pas réversible.
refund-edit = Modifier
refund-confirm = Rembourser maintenant
refund-sent = Remboursement de { $amount } demandé ; son statut suit ci-dessous.
refund-unknown = Pas de réponse claire : le remboursement a peut-être été fait. Kassa redemande avec la même clé, il n'est donc jamais fait deux fois.
refund-not-paid = Seul un paiement payé peut être remboursé (celui-ci est : { $status }).
refund-nothing = Saisissez un montant à rembourser.
refund-too-much = Au plus { $remaining } peut encore être remboursé.
refund-state-pending = en cours
refund-state-refunded = remboursé
refund-state-failed = échoué — l'argent reste au magasin
refund-state-unanswered = pas encore de réponse — redemandé avec la même clé
refund-state-refused = refusé : { $detail }
detail-cancelled = Annulé : plus personne ne peut le payer.
detail-done = Fait.
journal-needed = Le journal n'est pas ouvert : rien qui déplace de l'argent ne peut être fait. Voir le bandeau en haut.
detail-not-found = Aucun paiement avec cet identifiant.
history-from = Du AAAA-MM-JJ
history-to = Au AAAA-MM-JJ
history-show = Afficher
history-bad-period = Tapez les deux dates en AAAA-MM-JJ, la première pas après la seconde.
history-reminder = À réessayer : un remboursement de { $amount } (demandé le { $day }) attendait le compte du client auprès de sa banque.
shift-open-button = Rapport de caisse…
shift-title = Rapport de caisse
shift-x-title = Rapport X — service { $session } (encore ouvert)
shift-z-title = Rapport Z n° { $number } — service clôturé
shift-period = Du { $from } au { $until }
shift-paid = Payé (pourboires compris)
shift-tips = dont pourboires
shift-cancelled = Annulés
shift-expired = Expirés
shift-failed = Refusés ou échoués
shift-open = En cours ou inconnus
shift-refunded = Remboursés
shift-net = Recette nette
shift-x = Rapport X
shift-z = Clôturer le service (rapport Z)…
shift-save-csv = Enregistrer CSV…
shift-close-question = Clôturer ce service ? Son rapport Z reçoit le numéro suivant et le service ne peut pas être rouvert.
shift-keep-open = Laisser ouvert
shift-close-now = Clôturer
payouts-open-button = Versements…
payouts-title = Versements
payouts-loading = { $done } jours sur { $all } chargés
payouts-line = { $payments } paiements, { $refunds } remboursements
payouts-total = { $count } versements · { $total } versés
payouts-drill-title = Versement du { $day } : { $amount }
payouts-sums = Paiements { $payments } − remboursements { $refunds } = versé { $payout }
payouts-ok = Tout concorde, et chaque paiement vient de cette caisse.
payouts-bad-payout = Ne concorde pas : paiements moins remboursements font { $expected }, mais { $stated } a été versé.
payouts-bad-payments = Les paiements listés font { $listed }, pas les { $stated } annoncés.
payouts-bad-refunds = Les remboursements listés font { $listed }, pas les { $stated } annoncés.
shift-z-short = Rapport Z n°
shift-session = Service
shift-from = Du
shift-until = Au
shift-printed = Imprimé
shift-save-pdf = Enregistrer PDF…
payouts-sums-ok = Les montants concordent : paiements − remboursements = versé, et les lignes correspondent aux totaux.
payouts-all-known = Chaque paiement a été encaissé sur cette caisse.
payouts-unknown-count = { $count } paiements n'ont pas été encaissés sur cette caisse (autre caisse, autocollant ou QR de facture).
payouts-this-till = cette caisse
payouts-paid-out = Versé
payouts-failed = Échoué
payouts-refund-tag = remboursement
