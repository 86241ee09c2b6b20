## Erreurs du moteur de paiement

error-invalid = Non envoyé : { $detail }
error-timeout = Payconiq n'a pas répondu à temps.
error-network = Pas de connexion avec Payconiq. Vérifiez le réseau.
error-signature = La réponse de Payconiq n'a pas passé le contrôle de signature et n'a pas été utilisée ({ $detail }).
error-response = Payconiq a envoyé une réponse que Kassa ne peut pas lire.
error-config = Il faut d'abord compléter les réglages : { $detail }
error-unknown-outcome = On ne sait pas si le paiement a été créé. Consultez l'historique avant d'encaisser à nouveau.
error-payment-not-pending = Ce paiement ne peut plus être annulé : le client l'a déjà confirmé.
error-payment-not-found = Payconiq ne connaît pas ce paiement.
error-payment-voided = Ce paiement a déjà été annulé.
checkout-void-too-late = Le paiement a été finalisé avant que l'annulation n'arrive : il est payé, pas annulé.
error-void-not-pending = Ce paiement n'attend plus d'être finalisé ou annulé : il a déjà été annulé ou finalisé.
error-unauthorized = Payconiq a refusé les identifiants. Vérifiez la clé API ou la clé de signature dans les Réglages.
error-access-denied = Ces identifiants n'ont pas le droit de faire ceci.
error-rejected-field = Payconiq a refusé la demande : une donnée envoyée manque ou n'est pas acceptée.
error-invalid-refund-amount = Le remboursement dépasse ce qui reste à rembourser sur ce paiement.
error-refund-conflict = Cette demande de remboursement a déjà servi avec d'autres données. Commencez un nouveau remboursement.
error-iban-not-available = Le compte du client n'est pas encore connu (en général un ou deux jours après le paiement). Réessayez le remboursement plus tard.
error-refund-not-possible = Payconiq ne peut pas rembourser ce paiement maintenant (par exemple il est encore en cours de versement). Réessayez demain, ou remboursez par virement avec l'IBAN du client.
error-refund-not-allowed = Les remboursements ne sont pas activés pour ce profil commerçant. Demandez au support commerçants de Payconiq (Bancontact) de les activer ; en attendant, remboursez par virement avec l'IBAN du client.
error-refund-not-found = Payconiq ne connaît pas ce remboursement.
error-payout-not-found = Payconiq ne connaît pas ce versement.
error-profile-not-found = Le profil de paiement n'existe pas. Vérifiez l'identifiant du profil dans les Réglages.
error-unable-to-pay-creditor = Payconiq ne peut pas payer ce commerçant pour l'instant. Contactez le support Payconiq.
error-not-allowed-to-cancel = Ce paiement ne peut pas être annulé depuis cette caisse.
error-rate-limited = Trop de demandes vers Payconiq en ce moment.
error-provider-down = Payconiq rencontre des problèmes en ce moment.
error-other = Payconiq a refusé la demande.

## Ligne de commande

cli-sandbox-failed = Le bac à sable n'a pas pu démarrer : { $detail }
cli-sandbox-running =
    Bac à sable Kassa en marche (pas d'argent réel).
      Base de l'API :     { $base }
      JWKS :              { $jwks }
      ID commerçant :     { $merchant }
      ID profil :         { $profile }
      Clé API :           { $apikey }
      Base D24 :          { $d24base }
      X-Login D24 :       { $d24login }
      Secret D24 :        { $d24secret }
      Dépôts D24 :        { $d24deposits }
    Appuyez sur Ctrl-C pour arrêter.
cli-keychain-unavailable = La clé n'a pas pu être enregistrée dans le trousseau du système ({ $detail }). Utilisez --out FICHIER pour l'exporter.
cli-keychain-place = le trousseau du système (service { $service }, entrée { $entry })
cli-keys-host-this = Publiez ce JWKS public à une URL https publique et donnez cette URL à Payconiq (identifiant de clé { $kid }) :
cli-keys-private-at = La clé privée se trouve dans { $place }.
cli-callback-valid = Valide : signé par la clé { $kid } le { $iat } pour { $path } (profil { $sub }).
cli-callback-invalid = Non valide : { $reason }
cli-keychain-check-ok = Le trousseau du système fonctionne : une clé API de test a été enregistrée, relue et supprimée.
cli-keychain-check-failed = Le trousseau du système ne fonctionne pas ici : { $detail }
cli-qr-extension = Le fichier de sortie doit se terminer par .png ou .svg.
cli-qr-written = { $path } écrit (taille { $size }).
cli-read-failed = Impossible de lire { $path } : { $detail }
cli-write-failed = Impossible d'écrire { $path } : { $detail }
cli-not-a-file = { $path } n'est pas un fichier ordinaire (un périphérique, un tube ou un dossier n'est pas lu)
cli-file-too-big = { $path } dépasse { $limit } Kio : non lu
cli-file-exists = { $path } existe déjà : choisissez un autre nom (rien n'est écrasé)
cli-keys-same-file = --out et --jwks-out désignent le même fichier : la clé privée et le jeu de clés publiques vont dans deux fichiers
cli-kid-invalid = L'identifiant de clé doit compter de 1 à 64 lettres, chiffres, points, tirets ou soulignés.

## La caisse

app-title = Kassa
app-starting = Démarrage…
app-start-failed = Kassa n'a pas pu démarrer : { $detail }
app-no-data-dir = Kassa n'a trouvé aucun dossier pour ses données sur ce système ; définissez KASSA_DATA_DIR.
app-blocked-title = Cette caisse ne peut pas encaisser pour l'instant
app-blocked-why = Le compte { $account } est inutilisable. { $detail }
app-blocked-what-to-do = Rien n'est encaissé, et la caisse ne passe pas au bac à sable à la place. Si le trousseau est verrouillé, déverrouillez-le (ouvrez la session du bureau) et appuyez sur Réessayer. S'il manque une clé ou un identifiant, ouvrez les Réglages avec le code gérant et saisissez-le.
app-blocked-retrying = Essai…
app-settings-stopped-title = Kassa ne démarre pas avec ces réglages
app-settings-stopped = Le fichier de réglages { $path } est illisible : { $detail }. Il est laissé tel quel.
app-settings-stopped-what-to-do = Sans lui, la caisse ne connaît ni son compte ni son code gérant : elle n'encaisse rien. Restaurez le fichier depuis une sauvegarde (ou réparez-le) et relancez Kassa. Ou repartez de zéro : le fichier est mis de côté, les clés que cette caisse gardait dans le trousseau sont oubliées, et la caisse démarre sur le bac à sable sans code, à reconfigurer.
app-start-afresh = Repartir de zéro (oublie les clés enregistrées)
app-blocked-retry = Réessayer
app-blocked-settings = Réglages…
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
field-too-long = { $field } : { $len } caractères ; { $max } au maximum.
field-bad-character = { $field } : « { $found } » (caractère { $position }) n'est pas accepté dans un paiement bancaire.

## Paiement

step-waiting = En attente du scan
step-scanned = Scanné
step-authorized = Autorisé
step-paid = Payé
status-to-complete = Payé, à finaliser
checkout-scan-qr = Demandez au client de scanner le code avec l'app Payconiq ou son app bancaire.
checkout-scan-sticker = Demandez au client de scanner l'autocollant.
checkout-sticker-hint = Demandez au client de scanner l'autocollant
checkout-scanned = Le client a scanné le code et est en train de confirmer.
checkout-authorizing = La banque autorise le paiement.
checkout-needs-ack = Le client a payé. Finalisez la vente ou annulez-la.
checkout-expires-in = Expire dans { $time }
checkout-offline = Hors ligne — nouvel essai
checkout-cancel = Annuler le paiement
checkout-confirm-cancel = Le client a déjà scanné le code. Annuler quand même ?
checkout-keep-waiting = Continuer d'attendre
checkout-cancel-anyway = Annuler le paiement
checkout-complete = Finaliser la vente
checkout-void = Annuler la vente
checkout-cancelling = Annulation…
checkout-completing = Finalisation…
checkout-voiding = Annulation du paiement…
final-paid = Payé
final-cancelled = Annulé
final-expired = Expiré
final-authorization-failed = Paiement refusé
final-authorization-failed-why = La banque du client a refusé le paiement (par exemple solde insuffisant ou limite atteinte).
final-failed = Échec du paiement
final-failed-why = Un problème est survenu lors de la confirmation. Rien n'a été débité.
final-voided = Vente annulée
final-voided-why = Le client récupère son argent.
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
phone-void-off = Profil avec annulation : non
phone-void-on = Profil avec annulation : oui

## Écran client

display-title = Kassa — écran client
display-show = Écran client
display-hide = Masquer l'écran client
display-welcome = Bienvenue
display-scan = Scannez avec l'app Payconiq ou votre app bancaire
display-confirm-on-phone = Confirmez le paiement sur votre téléphone
display-processing = Traitement…
display-thanks = Merci !
display-not-paid = Paiement non abouti

## Verrou gérant

manager-open = Gérant
manager-lock-now = Verrouiller
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
settings-jwks-url = URL JWKS du prestataire
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
settings-host-jwks = Publiez ce JWKS public à une URL https publique et donnez cette URL à Payconiq :
settings-save-jwks = Enregistrer le JWKS…
settings-callback-url = URL de rappel (facultative)
settings-pay-mode = Les clients paient via
settings-pay-dynamic = Un code QR à l'écran
settings-pay-sticker = L'autocollant du magasin
settings-pos-id = ID du point de vente
settings-shop-id = ID du magasin
settings-shop-name = Nom du magasin
settings-shop = Commerce (en tête des rapports)
settings-shop-address = Adresse
settings-shop-vat = Numéro de TVA
settings-qr-size = Taille du QR
settings-qr-colour = Couleur du QR
settings-colour-magenta = Magenta
settings-colour-black = Noir
settings-customer-display = Écran client au démarrage
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
settings-test-ok = Connecté à { $environment } : les identifiants ont été acceptés.
settings-bad-url = { $field } doit être une adresse https:// (http:// seulement vers cet ordinateur).
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
sticker-missing-ids = Définissez d'abord l'ID du profil de paiement et l'ID du point de vente dans les Réglages.
today-open = Ventes du jour
today-title = Ventes du jour
today-refresh = Actualiser
today-loading = Chargement…
today-none = Aucun paiement aujourd'hui.
today-total = Payé aujourd'hui : { $total }
sales-col-time = Heure
sales-col-date = Date
sales-col-amount = Total
sales-col-tip = Pourboire
sales-col-status = Statut
sales-col-sale = Vente
today-total-tips = Payé aujourd'hui : { $total }, dont { $tips } de pourboire
journal-corrupt = Le journal des ventes { $path } est endommagé. Kassa n'encaisse pas sans journal. Il peut mettre le fichier endommagé de côté (il est conservé) et en commencer un nouveau.
journal-full = Le disque est plein : le journal des ventes ne peut rien enregistrer, Kassa n'encaisse donc pas. Libérez de l'espace puis réessayez.
journal-read-only = Le journal des ventes ne peut pas être écrit ({ $detail }), Kassa n'encaisse donc pas.
journal-newer = Le journal des ventes a été écrit par une version plus récente de Kassa. Réinstallez cette version.
journal-other = Le journal des ventes est inutilisable ({ $detail }), Kassa n'encaisse donc pas.
journal-duplicate = La référence { $reference } a déjà servi pour une autre vente. Saisissez-en une autre ou laissez le champ vide.
journal-opening = Ouverture du journal des ventes en cours.
journal-set-aside = Le mettre de côté et commencer un nouveau journal
unknown-title = Résultat inconnu — vérification
unknown-reference = Référence { $reference }
unknown-why = Payconiq n'a pas dit si ce paiement a été créé. Kassa le recherche par sa référence. N'encaissez pas cette vente à nouveau tant que ce n'est pas éclairci.
unknown-checks = { $count ->
    [0] Première recherche en cours…
    [one] Recherché une fois ; nouvelle recherche sous peu.
   *[other] Recherché { $count } fois ; nouvelle recherche sous peu.
}
unknown-leave = Retour à la caisse
unknown-leave-question = Le client peut encore payer cette vente. Elle reste sous « À vérifier » et Kassa continue de la rechercher.
unknown-stay = Rester et attendre
unknown-leave-anyway = Retourner quand même à la caisse
unknown-not-created = Le paiement n'a pas été créé : rien n'a été encaissé. Vous pouvez encaisser cette vente à nouveau.
attention-title = À vérifier
attention-unknown = Résultat inconnu — vérification
attention-checking = Vérification du statut…
attention-reopen = Rouvrir
attention-dismiss = OK
attention-ended = { $status } pendant que Kassa ne suivait pas
attention-more = et { $count } de plus
today-elsewhere = autre caisse, autocollant ou facture
cli-keys-exists = Le trousseau contient déjà une clé de signature ; sa clé publique est peut-être enregistrée chez Payconiq. Utilisez --force pour la remplacer, ou --out pour écrire une nouvelle clé dans un fichier.
journal-retry = Réessayer
till-digit-refused = Chiffre refusé : le montant ne peut pas dépasser { $max }.
till-decimal-refused = Chiffre refusé : un montant a au plus deux décimales.
checkout-confirm-void = Annuler ce paiement ? Le client récupère { $total }.
checkout-keep-payment = Garder le paiement
checkout-void-anyway = Annuler et rendre l'argent
final-cancelled-here = Annulé ici, à la caisse. Rien n'a été débité.
final-declined-why = Le client a annulé le paiement sur son téléphone. Rien n'a été débité.
final-nothing-charged = Rien n'a été débité.
final-expired-why = Personne n'a payé à temps. Rien n'a été débité.
settings-unsaved = Des modifications ne sont pas enregistrées. Fermer sans enregistrer ?
settings-keep-editing = Continuer
settings-discard = Fermer sans enregistrer
lock-locked = Trop de codes erronés. La saisie est bloquée jusqu'à { $time }.
lock-wrong-pin-left = Code erroné. { $left ->
    [one] Après encore un code erroné
   *[other] Après encore { $left } codes erronés
}, la saisie sera bloquée un moment.
file-no-dialog = Cet ordinateur ne peut pas afficher de fenêtre de fichiers (installez zenity ou un portail de bureau). Tapez plutôt le chemin complet du fichier :
file-path = Chemin, p. ex. ~/Documents/fichier.png
file-cancel = Annuler
file-save-here = Enregistrer ici
file-open-this = Ouvrir ce fichier
file-io = Le fichier n'a pas pu être utilisé : { $detail }
keychain-no-service = Aucun trousseau ne fonctionne sur cet ordinateur (sous Linux : gnome-keyring ou KWallet). Ouvrez une session de bureau qui en a un, ou installez gnome-keyring, puis réessayez.
keychain-locked = Le trousseau est verrouillé ou a refusé l'accès. Déverrouillez-le (reconnectez-vous ou ouvrez l'application Mots de passe et clés), autorisez Kassa si on vous le demande, puis réessayez.
keychain-failed = Le trousseau a refusé : { $detail }
invoice-open = QR de facture
invoice-title = Code QR de facture
invoice-hint = Pour un client qui paie plus tard : imprimez-le sur la facture ou le ticket. Le paiement apparaît dans Ventes du jour une fois effectué.
invoice-amount = Montant
invoice-description = Description (35 caractères au plus)
invoice-reference = Référence (35 caractères au plus)
invoice-enter-amount = Saisissez le montant pour créer le code.
invoice-control = { $field } ne peut pas contenir de retour à la ligne ni de tabulation.
invoice-no-profile = Indiquez d'abord l'identifiant du profil de paiement dans les Réglages.
invoice-no-code = Le code apparaît ici.
invoice-pay-sandbox = Le client le paie (bac à sable)
invoice-paid-sandbox = Payé dans le bac à sable : { $amount }. Il figure dans Ventes du jour.
today-cancel = Annuler
today-cancel-question = Plus personne ne pourra le payer.
today-keep = Garder
today-cancel-it = L'annuler
today-cancelling = Annulation…
today-cancelled = Le paiement est annulé : plus personne ne peut le payer.
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
history-count = { $shown ->
    [one] { $shown } paiement affiché
   *[other] { $shown } paiements affichés
} · payé { $paid }
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
detail-paid-at = Payé le
detail-customer = Client
detail-the-customer = le client
detail-journal = Vu par cette caisse
detail-not-this-till = Pas encaissé sur cette caisse (autre caisse, autocollant ou QR de facture).
detail-not-created = Jamais créé
detail-refunds = Remboursements
detail-no-refunds = Aucun depuis cette caisse.
detail-balance = Payé { $paid } · remboursé { $refunded } · remboursable { $remaining }
detail-iban-for-refund = Compte du client pour un remboursement manuel :
detail-copy = Copier
detail-refunding = Remboursement en cours…
detail-asking-iban = Demande de l'IBAN du client…
detail-iban-copied = L'IBAN est dans le presse-papiers.
detail-get-iban = IBAN du client
detail-refund = Rembourser…
refund-needs-key = Les remboursements sont signés avec la clé de signature du commerçant, qui n'est pas configurée. Importez-la ou créez-la dans Réglages → Clé de signature.
refund-left = Remboursable : { $remaining }
refund-amount = Montant
refund-description = Description (facultative)
refund-next = Suivant
refund-review = Rembourser { $amount } à { $customer } ? L'argent est renvoyé ; c'est irréversible.
refund-review-description = Description : « { $description } »
refund-edit = Modifier
refund-confirm = Rembourser maintenant
refund-sent = Remboursement de { $amount } demandé ; son statut est affiché sous Remboursements.
refund-unknown = Pas de réponse claire : le remboursement a peut-être été fait. Kassa redemande avec la même clé, il n'est donc jamais fait deux fois.
refund-not-paid = Seul un paiement payé peut être remboursé (celui-ci est : { $status }).
refund-nothing = Saisissez un montant à rembourser.
refund-too-much = Au plus { $remaining } peut encore être remboursé.
refund-state-pending = en cours
refund-state-refunded = remboursé
refund-state-failed = échoué — l'argent reste au magasin
refund-state-unanswered = pas encore de réponse — redemandé avec la même clé
refund-state-refused = refusé : { $detail }
detail-cancelled = Annulé : plus personne ne peut le payer.
detail-done = Fait.
journal-needed = Le journal n'est pas ouvert : rien qui déplace de l'argent ne peut être fait. Voir le bandeau en haut.
detail-not-found = Aucun paiement avec cet identifiant.
history-from = Du AAAA-MM-JJ
history-to = Au AAAA-MM-JJ
history-show = Afficher
history-bad-period = Tapez les deux dates en AAAA-MM-JJ, la première pas après la seconde.
payouts-period-too-long = Une période de { $days } jours est trop longue : les versements sont demandés un jour par appel, 366 jours au plus à la fois.
payouts-period-too-early = Payconiq n'a rien versé avant 2014 : choisissez un premier jour plus tardif.
payouts-period-future = La période finit après aujourd'hui : rien n'est encore versé.
cli-sandbox-not-here = --sandbox désigne un bac à sable sur cet ordinateur (http://127.0.0.1:PORT ou localhost), pas { $url }.
cli-payouts-progress = Versements : { $done } jours lus sur { $total }…
history-reminder = À réessayer : un remboursement de { $amount } (demandé le { $day }) attendait le compte du client auprès de sa banque.
history-check-by-hand = À vérifier à la main : un remboursement de { $amount } sur le paiement { $payment } (demandé le { $day }, clé { $key }) est sans réponse depuis plus de 24 heures ; consultez le portail commerçant avant de rembourser à nouveau.
shift-open-button = Rapport de caisse…
shift-title = Rapport de caisse
shift-x-title = Rapport X — service { $number } (encore ouvert)
shift-z-title = Rapport Z n° { $number } — service clôturé
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
shift-vat = TVA { $vat }
shift-z = Clôturer le service (rapport Z)…
shift-save-csv = Enregistrer CSV…
shift-close-question = Clôturer ce service ? Son rapport Z reçoit le numéro suivant et le service ne peut pas être rouvert.
shift-close-open-sales = { $count ->
    [one] Une vente est encore ouverte ({ $amount }) : si elle est payée plus tard, elle compte dans le service suivant.
   *[other] { $count } ventes sont encore ouvertes ({ $amount }) : celles payées plus tard comptent dans le service suivant.
}
shift-keep-open = Laisser ouvert
shift-close-now = Clôturer
payouts-open-button = Versements…
payouts-title = Versements
payouts-loading = { $done } jours sur { $all } chargés
payouts-line = { $payments ->
    [one] { $payments } paiement
   *[other] { $payments } paiements
}, { $refunds ->
    [one] { $refunds } remboursement
   *[other] { $refunds } remboursements
}
payouts-total = { $count ->
    [one] { $count } versement
   *[other] { $count } versements
} · { $total } versés
payouts-drill-title = Versement du { $day } : { $amount }
payouts-sums = Paiements { $payments } − remboursements { $refunds } = versé { $payout }
payouts-ok = Tout concorde, et chaque paiement vient de cette caisse.
payouts-bad-payout = Ne concorde pas : paiements moins remboursements font { $expected }, mais { $stated } a été versé.
payouts-bad-payments = Les paiements listés font { $listed }, pas les { $stated } annoncés.
payouts-bad-refunds = Les remboursements listés font { $listed }, pas les { $stated } annoncés.
shift-z-short = Rapport Z n°
shift-session = Service
shift-from = Du
shift-until = Au
shift-printed = Imprimé
shift-save-pdf = Enregistrer PDF…
shift-earlier-z = rapport Z n° { $number }
shift-earlier-open = un service précédent
shift-carried-paid = { $reference } : encaissé dans { $earlier }, payé dans ce service ({ $amount })
shift-carried-refund-undone = Le remboursement de { $payment } compté dans { $earlier } n'a pas eu lieu : { $amount } réintégrés
shift-check-by-hand = À VÉRIFIER À LA MAIN : le remboursement de { $amount } sur { $payment } est sans réponse depuis plus de 24 heures (compté comme effectué)
shift-d24-whole-deposit = dépôt entier
shift-d24-line = Remboursement D24, dépôt { $deposit } : { $amount } { $currency }, { $status }
shift-account-sandbox = Bac à sable (argent fictif, pas de recettes)
shift-account-legacy = tenu avant la séparation par compte
shift-account = { $host }, profil { $profile }
shift-account-label = Compte
shift-reprint = RÉIMPRESSION — tel qu'établi
shift-chain = Chaîne
shift-refunds-undone = Remboursements non effectués
shift-past = Rapports Z précédents
shift-past-none = Aucun pour l'instant
shift-no-such-z = Il n'y a pas de rapport Z n° { $number } pour ce compte.
payouts-sums-ok = Les montants concordent : paiements − remboursements = versé, et les lignes correspondent aux totaux.
payouts-all-known = Chaque paiement a été encaissé sur cette caisse.
payouts-unknown-count = { $count ->
    [one] { $count } paiement n'a pas été encaissé
   *[other] { $count } paiements n'ont pas été encaissés
} sur cette caisse (autre caisse, autocollant ou QR de facture).
payouts-this-till = cette caisse
payouts-paid-out = Versé
payouts-failed = Échoué
payouts-refund-tag = remboursement
cli-jwks-not-https = l'URL du JWKS doit être en https (http seulement vers cette machine)
cli-jwks-private = le JWKS contient une clé privée ; ne partagez ni n'utilisez jamais un tel fichier comme jeu de clés publiques — créez une nouvelle paire de clés
cli-api-no-sandbox = Cette caisse utilise le bac à sable intégré, qui n'existe que pendant que Kassa est ouvert. Ouvrez Kassa, ou lancez-en un avec `kassa sandbox` et passez --sandbox URL.
cli-api-sandbox-unreachable = Aucun bac à sable ne répond à { $url } : { $detail }
cli-api-cancelled = Annulation envoyée pour le paiement { $id }. Ce que dit l'API maintenant :
cli-api-bad-period = La période est inversée : --from est après --to.
cli-api-bad-date = « { $date } » n'est pas une date : écrivez AAAA-MM-JJ (ou une heure RFC 3339 pour chercher des paiements).
cli-api-bad-status = « { $status } » n'est pas un statut de paiement. Connus : { $known }.
cli-api-refund-key = Clé d'idempotence : { $key } (redemandez avec --idempotency-key { $key } et le même montant : jamais deux remboursements)
cli-api-refund-key-other = Le journal contient déjà un remboursement avec la clé { $key } : { $amount } sur le paiement { $payment }. Redemandez avec exactement ce paiement et ce montant, ou omettez --idempotency-key pour un nouveau remboursement. Rien n'a été envoyé.
cli-api-create-unknown = Le paiement existe peut-être : il est dans le journal de la caisse, qui le recherche par sa référence quand la caisse tourne.
cli-d24-key-other = Le journal contient déjà un remboursement D24 avec la clé { $key }, pour le dépôt { $deposit }. Redemandez avec ce dépôt, ou omettez --idempotency-key pour un nouveau remboursement. Rien n'a été envoyé.
cli-d24-key-other-request = Le journal contient déjà un remboursement D24 avec la clé { $key } pour ce dépôt, demandé avec un autre montant, un autre compte bancaire ou une autre devise. Demandez à nouveau exactement comme alors (la même clé ne rembourse jamais deux fois), ou omettez --idempotency-key pour un nouveau remboursement. Rien n'a été envoyé.
cli-api-expires = Expire
cli-api-qr = Contenu du QR
cli-api-refund-id = ID du remboursement
cli-api-count = { $count ->
    [one] { $count } paiement
   *[other] { $count } paiements
}
cli-api-no-payouts = Aucun versement sur la période { $period }.
cli-api-payout-date = Date
cli-api-paid-out = Versé
cli-api-payments = Paiements
cli-api-payout-id = ID du versement
cli-callback-path-unchecked = Non vérifié : l'URL de rappel à laquelle il a été envoyé (donnez --path, ou indiquez l'URL de rappel dans les Réglages).
cli-callback-profile-unchecked = Non vérifié : le profil de paiement (donnez --profile, ou indiquez l'ID du profil dans les Réglages).
d24-error-timeout = D24 n'a pas répondu à temps.
d24-error-network = Pas de connexion avec D24. Vérifiez le réseau.
d24-error-response = D24 a envoyé une réponse que Kassa ne peut pas lire.
d24-error-config = Le compte D24 est incomplet : { $detail }. Complétez-le dans les Réglages.
d24-error-credentials = D24 ne connaît pas ce X-Login. Vérifiez le compte D24 dans les Réglages (les identifiants de test et de production diffèrent).
d24-error-header = D24 a refusé la demande : un en-tête obligatoire manque ou est mal formé.
d24-error-signature = D24 a refusé la signature de la demande. Vérifiez la clé secrète du compte D24 dans les Réglages.
d24-error-date = D24 a refusé l'heure de la demande : l'horloge de cet ordinateur est fausse. Réglez la date et l'heure, puis réessayez.
d24-error-method = D24 n'accepte pas ce type de demande ici.
d24-error-ip = D24 a refusé l'adresse internet de cet ordinateur. Ajoutez-la aux IP autorisées dans l'espace commerçant D24.
d24-error-body = D24 n'a pas pu lire la demande : { $detail }
d24-error-forbidden = Ce compte commerçant D24 ne peut pas faire de remboursements par l'API. Demandez à votre gestionnaire de compte D24.
d24-error-not-found = D24 n'a pas trouvé ce dépôt ou ce remboursement. Vérifiez l'ID du dépôt et l'ID de facture.
d24-error-refunds-not-enabled = Les remboursements ne sont pas activés pour ce compte commerçant D24. Demandez à votre gestionnaire de compte D24.
d24-error-deposit-not-completed = Ce dépôt n'est pas terminé ; il ne peut pas encore être remboursé.
d24-error-invalid-amount = D24 a refusé le montant : il dépasse ce qui reste du dépôt (les remboursements précédents comptent) ou n'est pas valable. Aucun remboursement n'a été fait.
d24-error-insufficient-funds = Le solde du compte commerçant D24 est trop bas pour ce remboursement. Aucun remboursement n'a été fait.
d24-error-missing-bank-account = Ce dépôt n'a pas été payé par carte : D24 a besoin du compte bancaire du client pour le rembourser.
d24-error-refund-failed = D24 n'a pas pu traiter le remboursement : { $detail } Signalez-le pour vérification dans l'espace commerçant D24.
d24-error-rate-limited = D24 demande de ralentir. Réessayez dans un instant.
d24-error-provider-down = D24 a un problème de son côté. Réessayez plus tard.
d24-error-other = D24 a refusé la demande.
d24-problem-card-amount = Un dépôt par carte est remboursé en entier : laissez le montant vide.
d24-problem-field = Vérifiez ce champ : { $field }.
d24-field-deposit = ID du dépôt
d24-field-invoice = ID de facture
d24-field-amount = Montant
d24-field-beneficiary = Titulaire du compte
d24-field-bank-code = Code banque
d24-field-branch = Agence
d24-field-account-number = Numéro de compte
d24-field-document-id = Numéro de pièce d'identité
d24-field-comments = Commentaire
d24-field-notification-url = URL de notification
d24-sandbox-needs-sandbox = Le bac à sable D24 fait partie du bac à sable intégré : choisissez D24 test ou production dans les Réglages, ou faites tourner la caisse sur le bac à sable.
d24-missing-url = Pas encore d'adresse D24 : saisissez celle que D24 vous a donnée dans les Réglages.
d24-missing-login = Pas encore de X-Login D24 : saisissez-le dans les Réglages.
d24-missing-secret = Pas encore de clé secrète D24 dans le trousseau : saisissez-la dans les Réglages et enregistrez.
settings-section-d24 = Remboursements de dépôts D24 (OneKey Payments)
settings-d24-url = Adresse D24
settings-d24-login = X-Login (clé API)
settings-d24-secret = Clé secrète (API Signature)
settings-d24-test = Tester la connexion D24
settings-d24-test-ok = D24 a répondu : le X-Login, la clé secrète et l'horloge de cet ordinateur sont bons ({ $environment }).
d24-env-sandbox = Bac à sable (intégré)
d24-env-staging = D24 staging (test)
d24-env-production = D24 production
history-refund-button = Rembourser…
refund-title = Remboursement
refund-provider-payconiq = Paiement Payconiq
refund-provider-d24 = Dépôt D24
refund-payconiq-how = Un paiement Payconiq se rembourse depuis le paiement lui-même : ouvrez-le dans l'historique des paiements et appuyez sur Rembourser.
d24-connecting = Connexion au compte D24…
d24-account = Compte D24 { $login } sur { $base }
d24-recent = Remboursements D24 demandés
d24-method = Payé par
d24-method-card = Carte
d24-method-other = Espèces, virement, autre
d24-card-whole = Un dépôt par carte est remboursé en entier, sur la même carte : seuls l'ID du dépôt et l'ID de facture sont nécessaires.
d24-bank-account = Compte bancaire du client
d24-account-type = Type de compte
d24-account-checking = Compte courant
d24-account-saving = Compte d'épargne
d24-account-salary = Compte salaire
d24-review-amount = Rembourser { $amount } ? L'argent est renvoyé ; c'est irréversible.
d24-review-card = Rembourser tout le dépôt par carte ? L'argent est renvoyé ; c'est irréversible.
d24-review-deposit = Dépôt D24 { $deposit }, facture { $invoice }
d24-review-account = À { $beneficiary }, compte { $account } ({ $kind }, banque { $bank }, agence { $branch })
d24-refund-id = ID de remboursement D24 { $id }
d24-resending = Kassa renvoie la même demande, avec la même clé, toutes les { $seconds } secondes tant que cet écran est ouvert, et à sa prochaine ouverture : elle n'est jamais faite deux fois.
d24-following = Kassa lit son statut chaque seconde tant que cet écran est ouvert.
d24-another = Autre remboursement
d24-whole-deposit = dépôt entier
d24-status-completed = Terminé : l'argent est retourné au client.
d24-status-rejected = Refusé : { $reason } L'argent reste au magasin.
d24-status-cancelled = Annulé : rien n'a été remboursé.
d24-status-delivered = Envoyé à la banque : ne peut plus être annulé.
d24-status-incorrect-details = D24 a besoin de données corrigées : voir l'espace commerçant D24.
d24-status-pending = En cours chez D24.
d24-status-unanswered = Pas encore de réponse claire de D24 : le remboursement a peut-être été fait.
d24-status-refused = Refusé par D24 : rien n'a été remboursé.
d24-sandbox-deposits = Dépôts du bac à sable à essayer
d24-deposit-left = reste : { $left }
d24-deposit-not-completed = pas terminé
d24-use = Utiliser
d24-env-custom = Adresse personnalisée
d24-field-currency = Devise (trois lettres, p. ex. EUR)
lock-next = Suivant
lock-set-pin = Définir le PIN
cli-d24-account-type = « { $given } » n'est pas un type de compte : écrivez checking, saving ou salary.
cli-d24-deposit = Dépôt { $deposit } · facture { $invoice }
cli-d24-amount-needs-account = --amount rembourse une partie d'un dépôt qui n'a pas été payé par carte, ce qui demande le compte bancaire du client (--account FICHIER ou --account-prompt). Un dépôt par carte est remboursé en entier : omettez --amount.
cli-d24-no-refund = D24 ne connaît aucun remboursement avec l'ID { $id } pour ce compte.
cli-d24-account-file-bad = { $path } n'est pas un fichier de compte bancaire : { $detail }. Il contient beneficiary, bank_code, branch, account_number et, si besoin, account_type et document_id.
cli-d24-account-prompt-no-terminal = --account-prompt demande sur le terminal, et l'entrée standard n'en est pas un : donnez le compte dans un fichier avec --account FICHIER.
cli-d24-account-prompt-ended = L'entrée s'est arrêtée avant que le compte bancaire soit complet. Rien n'a été envoyé.
cli-d24-prompt-optional = { $field } (facultatif)
cli-d24-prompt-required = { $field } (obligatoire)
cli-d24-prompt-account-type = Type de compte : checking, saving ou salary [{ $default }]
cli-d24-account-not-in-arguments = Le compte bancaire du client n'est pas lu sur la ligne de commande : les autres utilisateurs voient les arguments (ps) et le shell les garde dans son historique. Mettez-le dans un fichier et donnez --account FICHIER, ou utilisez --account-prompt. Rien n'a été envoyé.

profile-bad-name = « { $name } » n'est pas un nom de profil : lettres, chiffres, - et _ (32 au plus).
already-running = Kassa fonctionne déjà sur { $dir } (processus { $pid }). Utilisez cette fenêtre, ou lancez une seconde caisse avec son propre profil : kassa --profile NOM.
lock-failed = Kassa n'a pas pu verrouiller son dossier de données : { $detail }
cli-pin-none = Aucun code gérant n'est défini sur cette caisse : choisissez-en un d'abord dans Kassa (Gérant).
cli-pin-locked = Trop de codes erronés : la saisie est bloquée jusqu'à { $until }, ici et à la caisse.
cli-pin-wrong = Code erroné. Rien n'a été fait. Essais restants avant blocage : { $left }.
cli-pin-empty = Aucun code n'a été donné. Rien n'a été fait.
cli-pin-no-terminal = Cette commande demande le code gérant : lancez-la dans un terminal, ou donnez le code sur l'entrée standard avec --pin-stdin.
cli-pin-prompt = Code gérant : 
cli-journal-none = Il n'y a pas encore de journal à { $path }.
cli-backup-failed = Échec de la sauvegarde : { $detail }
cli-backup-made = Sauvegardé dans { $path } ({ $entries } lignes chaînées, vérifiées).
cli-backup-removed = Ancienne copie { $path } supprimée.
cli-restore-failed = Restauration refusée : { $detail }. Le journal n'a pas été touché.
cli-restored = { $from } restauré en { $to }. Lancez Kassa pour l'utiliser.
cli-restore-aside = Le journal qui s'y trouvait est conservé sous { $path }.
cli-verify-ok = { $path } : la chaîne est intacte ({ $entries } lignes). Tête : { $head }
cli-verify-last-z = Dernier rapport Z de { $account } : n° { $number }, chaîne { $hash } (à comparer avec le papier)
cli-verify-failed = { $path } : ÉCHEC DE LA VÉRIFICATION après { $entries } lignes correctes : { $problem }
refund-in-flight = La demande de ce remboursement est déjà en route ; attendez sa réponse.
refund-check-by-hand = Ce remboursement est sans réponse depuis plus de 24 heures, plus longtemps que le prestataire ne garde sa clé : le renvoyer pourrait rembourser deux fois. Vérifiez-le à la main dans le portail commerçant Payconiq avant de rembourser à nouveau.
backup-failed-banner = La sauvegarde quotidienne du journal vers { $dir } a échoué ({ $when }) : { $why }. Vérifiez le dossier (la clé USB est-elle branchée, le partage joignable ?) ; nouvel essai toutes les heures.
settings-section-backup = Sauvegarde du journal
settings-backup-dir = Copie quotidienne vers le dossier
settings-backup-keep = Copies conservées
settings-backup-hint = Une clé USB ou un partage réseau ; vide pour aucune. La copie est vérifiée ; un échec s'affiche sur la caisse.
cli-report-invoices-unchecked = Les paiements faits avec les codes de facture de cette caisse n'ont pas été recherchés ({ $detail }) ; le rapport contient ceux trouvés avant.
shift-moved = Ce service a été clôturé ailleurs entre-temps (rapport Z n° { $number }) ; rien n'a été clôturé maintenant. Ci-dessous, le service ouvert à présent.
cli-report-unknown-account = Ce journal ne contient aucune écriture pour le compte « { $account } ». Omettez --account pour celui de la caisse, ou donnez sandbox.
d24-sandbox-books = Non envoyé : ce compte D24 est réel, mais la caisse tourne sur le bac à sable, dont les comptes sont en argent fictif ; le remboursement ne serait dans aucun vrai rapport Z. Configurez d'abord la caisse avec son vrai compte Payconiq, ou utilisez le compte D24 du bac à sable.

# Suggested names of exported files (no extension).
file-sticker = autocollant-payconiq
file-invoice = facture-payconiq
file-x-report = rapport-x-service-{ $number }
file-z-report = rapport-z-{ $number }
file-z-reprint = rapport-z-{ $number }-reimpression
file-payouts = versements
file-payout = versement-{ $id }

# Printing receipts.
receipt-till = Caisse { $pos }
receipt-reference = Référence { $reference }
receipt-amount = Montant
receipt-tip = Pourboire
receipt-total = Total
receipt-paid-with = Payé avec Payconiq by Bancontact
receipt-payment = Paiement { $id }
receipt-reprint = RÉIMPRESSION
receipt-test-title = Page de test
print-receipt = Imprimer le ticket
print-reprint = Réimprimer le ticket
print-printing = Impression…
print-done = Ticket imprimé.
print-sent = Envoyé à l'imprimante « { $printer } ».
print-report-done = Rapport imprimé.
print-qr-done = Code imprimé.
print-refund-done = Ticket de remboursement imprimé.
print-test-done = Page de test imprimée.
print-no-printer = Aucune imprimante n'est définie : indiquez d'abord son adresse.
print-no-report-printer = Aucune imprimante des rapports n'est choisie : choisissez d'abord une des imprimantes de cet ordinateur.
print-no-device = il n'y a pas d'imprimante sur { $at } (est-elle branchée et allumée ?).
print-failed = Non imprimé : { $why } La vente est en sûreté ; réimprimez plus tard.
print-failed-plain = Non imprimé : { $why }
print-unreachable = aucune imprimante ne répond à { $at }.
print-timeout = l'imprimante à { $at } n'a pas pris le ticket à temps.
print-paper-out = l'imprimante n'a plus de papier.
print-no-answer = l'imprimante à { $at } accepte la connexion mais ne répond pas (est-elle allumée, et est-ce une imprimante de tickets ?).
print-io = impossible d'écrire vers l'imprimante ({ $detail }).
print-bad-target = « { $target } » n'est pas une adresse d'imprimante : utilisez tcp://hôte:9100, un périphérique comme /dev/usb/lp0 ou le nom d'une imprimante du système.
settings-section-printer = Imprimante de tickets
settings-printer = Imprimante
settings-printer-hint = tcp://192.168.1.50:9100, /dev/usb/lp0 ou une imprimante du système
settings-paper = Papier
settings-print-after = Imprimer après chaque paiement
settings-print-test = Imprimer une page de test
settings-print-test-a4 = Imprimer une page de test A4
settings-report-printer = Imprimante des rapports (A4)
settings-report-printer-hint = une imprimante du système ; vide : rapports sur l'imprimante de tickets
settings-system-printers = Imprimantes de cet ordinateur : { $names }
settings-system-printers-none = Aucune imprimante n'est configurée sur cet ordinateur.
settings-system-printers-asking = Recherche des imprimantes de cet ordinateur…
print-no-system = cet ordinateur n'a pas de service d'impression pour joindre ses imprimantes (CUPS n'est pas installé ou ne tourne pas).
print-unknown-printer = cet ordinateur n'a pas d'imprimante nommée « { $name } ».
print-refused = le service d'impression a refusé le travail ({ $detail }).
shift-print = Imprimer
print-qr = Imprimer le QR
print-qr-until = Payable jusqu'à { $time }
print-refund = Imprimer le reçu de remboursement
receipt-refund = Remboursement
receipt-refund-amount = Remboursé
receipt-refund-id = Remboursement { $id }

# The shop server
shop-no-token = Cette caisse n'a pas de jeton pour son serveur de magasin ({ $url }) dans le trousseau : rejoignez-le à nouveau avec `kassa shop join`.
shop-bad-url = « { $url } » n'est pas une adresse de serveur de magasin.
shop-not-https = Le serveur de magasin doit être joint en https (http simple seulement sur cet ordinateur) : { $url }
shop-unreachable = Le serveur de magasin à { $url } est injoignable.
shop-unauthorised = Le serveur de magasin ne connaît pas cette caisse (révoquée, ou jamais jointe).
shop-bad-code = Le code d'accès n'est pas valable (utilisé, expiré ou mal tapé) : demandez-en un nouveau (`kassa-server till add`).
shop-http = Le serveur de magasin a répondu { $status } : { $detail }
shop-invalid = La réponse du serveur de magasin est illisible ({ $detail }).
shop-joined = Magasin « { $shop } » rejoint comme caisse « { $till } ». { $waiting ->
    [one] 1 événement du journal de cette caisse est envoyé
   *[other] { $waiting } événements du journal de cette caisse sont envoyés
} dès que la caisse tourne.
shop-join-till-running = La caisse tourne sur ce dossier de données : fermez-la, relancez cette commande, puis démarrez-la (elle lit son magasin au démarrage).
shop-none = Cette caisse n'appartient à aucun magasin : rejoignez-en un avec `kassa shop join URL CODE`.
shop-status = Magasin « { $shop } », caisse « { $till } » à { $url } : { $waiting ->
    [one] 1 événement attend
   *[other] { $waiting } événements attendent
} d'être envoyés.
shop-status-offline = { $why } { $waiting ->
    [one] 1 événement attend
   *[other] { $waiting } événements attendent
} ici ; rien n'est perdu.
shop-status-callbacks = Le serveur reçoit les rappels du prestataire à { $url } et cette caisse peut les suivre : tant qu'elle tourne, dès qu'un rappel est venu pour l'un de ses paiements, un paiement à l'écran n'est consulté que toutes les 5 secondes, par sécurité. { $last ->
    [none] Aucun rappel n'est encore venu.
   *[other] Le dernier du magasin est venu le { $last }.
}
shop-status-no-callbacks = Le serveur ne reçoit pas les rappels du prestataire (il n'a pas d'URL publique) : les paiements sont consultés au rythme habituel.
shop-pushed = { $sent ->
    [one] 1 événement envoyé
   *[other] { $sent } événements envoyés
} ; plus rien n'attend.
shop-waiting-banner = { $waiting ->
    [one] 1 événement attend
   *[other] { $waiting } événements attendent
} le serveur de magasin : { $why } Rien n'est perdu ; ils partent dès qu'il répond.
history-scope-till = Cette caisse
history-scope-shop = Tout le magasin
history-shop-loading = Interrogation du serveur de magasin…
history-shop-offline = { $why } Les ventes de cette caisse sont affichées.
history-at-till = caisse { $till }
detail-shop-offline = { $why } Les remboursements faits aux autres caisses ne sont pas connus pour l'instant : la vente d'une autre caisse se rembourse dès que le serveur répond.
detail-refund-at-till = remboursé à la caisse { $till }
payouts-all-known-shop = Chaque paiement a été encaissé sur une caisse de ce magasin.
payouts-unknown-count-shop = { $count ->
    [one] 1 paiement n'a été encaissé
   *[other] { $count } paiements n'ont été encaissés
} sur aucune caisse de ce magasin (un autocollant ou un QR de facture).
payouts-shop-offline = { $why } Les paiements des autres caisses ne peuvent pas être distingués pour l'instant.
payouts-not-a-till = autocollant ou facture
shift-shop-day-open = La journée du magasin…
shop-day-title = Rapport de la journée du magasin
shop-day-date = AAAA-MM-JJ
shop-day-close = Rapport de cette caisse
shop-day-note = Les rapports Z pris ce jour-là par chaque caisse du magasin, additionnés (une vente après le dernier Z d'une caisse est dans son Z suivant). L'argent fictif (sandbox) n'est pas compté.
shop-day-till = Caisse
shop-day-z = Z
shop-day-count = Ventes
shop-day-paid = Payé
shop-day-tips = Pourboires
shop-day-refunded = Remboursé
shop-day-net = Net
shop-day-total = Toutes les caisses
shop-day-no-z = { $till } (pas de Z de recettes ce jour-là)
file-shop-day = journee-magasin-{ $date }
shop-unknown-banner = Le serveur de magasin ne connaît pas cette caisse (révoquée, ou jamais jointe) : { $waiting ->
    [one] 1 événement attend
   *[other] { $waiting } événements attendent
} ici jusqu'à ce qu'elle le rejoigne (`kassa shop join URL CODE` avec un nouveau code de `kassa-server till add`).
