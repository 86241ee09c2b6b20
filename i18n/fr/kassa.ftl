## Erreurs du moteur de paiement

error-invalid = Non envoyé : { $detail }
error-timeout = Payconiq n'a pas répondu à temps. Kassa continue d'essayer.
error-network = Pas de connexion avec Payconiq. Vérifiez le réseau ; Kassa continue d'essayer.
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
error-refund-not-possible = Ce paiement ne peut pas être remboursé pour le moment.
error-refund-not-allowed = Les remboursements ne sont pas activés pour ce commerçant.
error-refund-not-found = Payconiq ne connaît pas ce remboursement.
error-payout-not-found = Payconiq ne connaît pas ce versement.
error-profile-not-found = Le profil de paiement n'existe pas. Vérifiez l'identifiant du profil dans Réglages.
error-unable-to-pay-creditor = Payconiq ne peut pas payer ce commerçant pour l'instant. Contactez le support Payconiq.
error-not-allowed-to-cancel = Ce paiement ne peut pas être annulé depuis cette caisse.
error-rate-limited = Trop de demandes vers Payconiq. Kassa ralentit et réessaie.
error-provider-down = Payconiq rencontre des problèmes. Kassa réessaie sous peu.
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
cli-qr-extension = Le fichier de sortie doit se terminer par .png ou .svg.
cli-qr-written = { $path } écrit (taille { $size }).
cli-read-failed = Impossible de lire { $path } : { $detail }
cli-write-failed = Impossible d'écrire { $path } : { $detail }
